package importer

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"sahelreader/reader"
)

// dropped are elements whose content is never article text. The converter's
// base plugin already removes scripts, styles, iframes, noscript and form
// fields; these are the rest that would leave stray text or markup.
var dropped = []string{"svg", "math", "object", "embed", "video", "audio", "canvas", "template",
	"form", "button", "select", "dialog", "nav"}

// fromHTML converts an HTML page to Markdown. The title, site, author,
// date, language and description come from the page's head when it has
// them; remote and inline (data:) images are dropped, the text is offline.
func fromHTML(_ string, text string) (reader.Article, error) {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return reader.Article{}, fmt.Errorf("HTML: %w", err)
	}
	a, pageTitle := htmlMeta(doc)
	removeNodes(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Img && !localImage(attr(n, "src"))
	})
	conv := converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(), commonmark.NewCommonmarkPlugin(), table.NewTablePlugin(), strikethrough.NewStrikethroughPlugin()))
	for _, tag := range dropped {
		conv.Register.TagType(tag, converter.TagTypeRemove, converter.PriorityStandard)
	}
	md, err := conv.ConvertNode(doc)
	if err != nil {
		return reader.Article{}, fmt.Errorf("HTML: %w", err)
	}
	// Publishers' <title> often carries the site's name too; a heading
	// opening the text is the article's own title, unless og:title says
	// otherwise.
	body := string(md)
	if heading, rest := leadingHeading(body); heading != "" && (a.Title == "" || strings.EqualFold(heading, a.Title)) {
		a.Title, body = heading, rest
	}
	a.Title = first(a.Title, pageTitle)
	a.Body = body
	return a, nil
}

// localImage tells an image in the file's own folder from one that would
// be fetched from the network or is embedded as a data: URL.
func localImage(src string) bool {
	u, err := url.Parse(strings.TrimSpace(src))
	return err == nil && src != "" && u.Scheme == "" && u.Host == ""
}

// htmlMeta reads the article's metadata from <html lang>, <title> and the
// <meta> tags that publishers fill in (Open Graph, article:*, name=author);
// the <title> is returned apart, as the title of last resort.
func htmlMeta(doc *html.Node) (reader.Article, string) {
	var a reader.Article
	var title string
	walk(doc, func(n *html.Node) {
		switch n.DataAtom {
		case atom.Html:
			a.Language = attr(n, "lang")
		case atom.Title:
			if title == "" {
				title = textOf(n)
			}
		case atom.Meta:
			key := strings.ToLower(first(attr(n, "property"), attr(n, "name")))
			value := strings.TrimSpace(attr(n, "content"))
			switch key {
			case "og:title":
				a.Title = value
			case "og:site_name":
				a.Source = value
			case "og:url":
				a.URL = value
			case "author", "article:author":
				a.Author = first(a.Author, value)
			case "description", "og:description":
				a.Summary = first(a.Summary, value)
			case "article:published_time", "date", "dc.date":
				if t, err := time.Parse(time.RFC3339, value); err == nil {
					a.Published = t.UTC()
				} else if t, err := time.Parse("2006-01-02", value); err == nil {
					a.Published = t
				}
			case "keywords", "article:tag":
				for _, k := range strings.Split(value, ",") {
					a.Tags = append(a.Tags, strings.TrimSpace(k))
				}
			}
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") {
				a.URL = first(a.URL, attr(n, "href"))
			}
		}
	})
	if u, err := url.Parse(a.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		a.URL = ""
	}
	return a, title
}

func walk(n *html.Node, visit func(*html.Node)) {
	visit(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, visit)
	}
}

// removeNodes takes every node for which drop is true out of the tree.
func removeNodes(n *html.Node, drop func(*html.Node) bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if drop(c) {
			n.RemoveChild(c)
		} else {
			removeNodes(c, drop)
		}
		c = next
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return strings.Join(strings.Fields(b.String()), " ")
}
