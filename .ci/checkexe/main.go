// Command checkexe inspects a Windows build of Sahel Reader without running
// it (Debian's Wine cannot start Go 1.24+ binaries, see DESIGN.md section 9):
//
//	go run .ci/checkexe/main.go -version 0.1.0.1 "dist/Sahel Reader.exe"
//
// The file must be a PE32+ x86-64 image for the Windows GUI subsystem (so no
// console window opens beside the app), and its resources must hold an icon,
// a manifest and a version record whose fixed and string product and file
// versions are -version (fyne package writes VERSION.BUILD there). Prints
// PASS or FAIL for each check and exits 1 if any failed.
package main

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"strings"
	"unicode/utf16"
)

// Resource types (winuser.h).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

var passed, failed int

func check(ok bool, format string, args ...any) {
	if ok {
		passed++
		fmt.Printf("PASS "+format+"\n", args...)
	} else {
		failed++
		fmt.Printf("FAIL "+format+"\n", args...)
	}
}

func main() {
	want := flag.String("version", "", "expected product and file version, e.g. 0.1.0.1")
	flag.Parse()
	if flag.NArg() != 1 || *want == "" {
		fmt.Fprintln(os.Stderr, "usage: checkexe -version A.B.C.D FILE.exe")
		os.Exit(2)
	}
	if err := inspect(flag.Arg(0), *want); err != nil {
		check(false, "%v", err)
	}
	fmt.Printf("checkexe: %d passed, %d failed\n", passed, failed)
	if failed > 0 {
		os.Exit(1)
	}
}

// inspect runs the checks; an error means the file could not be read far
// enough to check the rest.
func inspect(path, want string) error {
	f, err := pe.Open(path)
	if err != nil {
		return fmt.Errorf("not a PE file: %v", err)
	}
	defer f.Close()
	check(f.Machine == pe.IMAGE_FILE_MACHINE_AMD64, "machine is x86-64 (0x%x)", f.Machine)
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	check(ok, "PE32+ (64-bit optional header)")
	if !ok {
		return nil
	}
	check(oh.Subsystem == pe.IMAGE_SUBSYSTEM_WINDOWS_GUI, "subsystem is Windows GUI (%d, want %d)", oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)

	dir := oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	rsrc, err := resourceBytes(f, dir.VirtualAddress)
	if err != nil {
		return err
	}
	res := resources{data: rsrc, rva: dir.VirtualAddress}
	check(true, "resource directory at RVA 0x%x, %d bytes", dir.VirtualAddress, dir.Size)

	icons, err := res.leaves(rtIcon)
	check(err == nil && len(icons) > 0, "RT_ICON: %d images %v", len(icons), errText(err))
	groups, err := res.leaves(rtGroupIcon)
	check(err == nil && len(groups) > 0, "RT_GROUP_ICON: %s %v", iconSizes(groups), errText(err))

	manifests, err := res.leaves(rtManifest)
	ok = err == nil && len(manifests) == 1 && bytes.Contains(manifests[0], []byte("<assembly"))
	check(ok, "RT_MANIFEST: one XML assembly manifest %v", errText(err))
	if ok {
		identity := fmt.Sprintf("version=%q", want)
		check(bytes.Contains(manifests[0], []byte(identity)), "manifest assemblyIdentity has %s", identity)
	}

	versions, err := res.leaves(rtVersion)
	check(err == nil && len(versions) == 1, "RT_VERSION: one version record %v", errText(err))
	if len(versions) == 1 {
		checkVersion(versions[0], want)
	}
	return nil
}

func errText(err error) string {
	if err != nil {
		return "(" + err.Error() + ")"
	}
	return ""
}

// resourceBytes returns the section that holds the resource directory, from
// the directory on.
func resourceBytes(f *pe.File, rva uint32) ([]byte, error) {
	if rva == 0 {
		return nil, fmt.Errorf("no resource directory: no icon, version or manifest")
	}
	for _, s := range f.Sections {
		if rva >= s.VirtualAddress && rva < s.VirtualAddress+s.VirtualSize {
			data, err := s.Data()
			if err != nil {
				return nil, fmt.Errorf("section %s: %v", s.Name, err)
			}
			off := rva - s.VirtualAddress
			if int(off) >= len(data) {
				return nil, fmt.Errorf("resource directory lies outside section %s", s.Name)
			}
			return data[off:], nil
		}
	}
	return nil, fmt.Errorf("resource directory RVA 0x%x is in no section", rva)
}

// resources is the resource tree: type, then name, then language
// directories, whose leaves point (by RVA) at the data.
type resources struct {
	data []byte
	rva  uint32 // of data[0]
}

// at returns n bytes at off, or nil if they lie outside the tree.
func (r resources) at(off uint32, n int) []byte {
	if uint64(off)+uint64(n) > uint64(len(r.data)) {
		return nil
	}
	return r.data[off : int(off)+n]
}

// entries lists a directory's (id, offset) pairs; the high bit of an offset
// marks a subdirectory.
func (r resources) entries(off uint32) ([][2]uint32, error) {
	head := r.at(off, 16)
	if head == nil {
		return nil, fmt.Errorf("directory at 0x%x is truncated", off)
	}
	n := int(binary.LittleEndian.Uint16(head[12:])) + int(binary.LittleEndian.Uint16(head[14:]))
	list := r.at(off+16, 8*n)
	if list == nil {
		return nil, fmt.Errorf("entries at 0x%x are truncated", off)
	}
	out := make([][2]uint32, n)
	for i := range out {
		out[i] = [2]uint32{binary.LittleEndian.Uint32(list[8*i:]), binary.LittleEndian.Uint32(list[8*i+4:])}
	}
	return out, nil
}

// leaves returns the data of every resource of one type, in every name and
// language.
func (r resources) leaves(typ uint32) ([][]byte, error) {
	types, err := r.entries(0)
	if err != nil {
		return nil, err
	}
	var out [][]byte
	for _, t := range types {
		if t[0] != typ {
			continue
		}
		var walk func(off uint32, depth int) error
		walk = func(off uint32, depth int) error {
			if off&0x80000000 != 0 {
				if depth > 3 {
					return fmt.Errorf("directory nested too deep")
				}
				sub, err := r.entries(off &^ 0x80000000)
				if err != nil {
					return err
				}
				for _, e := range sub {
					if err := walk(e[1], depth+1); err != nil {
						return err
					}
				}
				return nil
			}
			entry := r.at(off, 16)
			if entry == nil {
				return fmt.Errorf("data entry at 0x%x is truncated", off)
			}
			rva, size := binary.LittleEndian.Uint32(entry), binary.LittleEndian.Uint32(entry[4:])
			var data []byte
			if rva >= r.rva {
				data = r.at(rva-r.rva, int(size))
			}
			if data == nil {
				return fmt.Errorf("data at RVA 0x%x lies outside the resource section", rva)
			}
			out = append(out, data)
			return nil
		}
		if err := walk(t[1], 1); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// iconSizes describes icon groups (GRPICONDIR) as their images' sizes.
func iconSizes(groups [][]byte) string {
	var sizes []string
	for _, g := range groups {
		if len(g) < 6 {
			return "a truncated group"
		}
		n := int(binary.LittleEndian.Uint16(g[4:]))
		for i := 0; i < n && 6+14*(i+1) <= len(g); i++ {
			w := int(g[6+14*i])
			if w == 0 { // a width byte of 0 means 256
				w = 256
			}
			sizes = append(sizes, fmt.Sprintf("%dpx", w))
		}
	}
	return fmt.Sprintf("%d group(s) of %s", len(groups), strings.Join(sizes, ", "))
}

// checkVersion reads VS_VERSIONINFO: VS_FIXEDFILEINFO, then StringFileInfo
// tables of key/value strings.
func checkVersion(data []byte, want string) {
	root, ok := parseBlock(data)
	if !ok || root.key != "VS_VERSION_INFO" || len(root.value) < 52 ||
		binary.LittleEndian.Uint32(root.value) != 0xFEEF04BD {
		check(false, "RT_VERSION holds a VS_VERSION_INFO with fixed file info")
		return
	}
	fixed := func(at int) string {
		ms, ls := binary.LittleEndian.Uint32(root.value[at:]), binary.LittleEndian.Uint32(root.value[at+4:])
		return fmt.Sprintf("%d.%d.%d.%d", ms>>16, ms&0xffff, ls>>16, ls&0xffff)
	}
	check(fixed(8) == want, "fixed FileVersion %s (want %s)", fixed(8), want)
	check(fixed(16) == want, "fixed ProductVersion %s (want %s)", fixed(16), want)

	strs := map[string]string{}
	for _, info := range root.children {
		if info.key != "StringFileInfo" {
			continue
		}
		for _, table := range info.children {
			for _, s := range table.children {
				strs[s.key] = utf16String(s.value)
			}
		}
	}
	for _, key := range []string{"ProductVersion", "FileVersion"} {
		check(strs[key] == want, "string %s %q (want %q)", key, strs[key], want)
	}
	check(strs["ProductName"] != "", "string ProductName %q", strs["ProductName"])
}

// block is one node of VS_VERSIONINFO: wLength, wValueLength, wType, a
// NUL-terminated UTF-16 key, then the value and children, each 4-aligned.
type block struct {
	key      string
	value    []byte
	children []block
	length   int
}

func parseBlock(b []byte) (block, bool) {
	if len(b) < 6 {
		return block{}, false
	}
	length := int(binary.LittleEndian.Uint16(b))
	valueLen := int(binary.LittleEndian.Uint16(b[2:]))
	if binary.LittleEndian.Uint16(b[4:]) == 1 { // text: the length counts UTF-16 units
		valueLen *= 2
	}
	if length < 6 || length > len(b) {
		return block{}, false
	}
	b = b[:length]
	var key []uint16
	off := 6
	for ; off+1 < length; off += 2 {
		c := binary.LittleEndian.Uint16(b[off:])
		if c == 0 {
			break
		}
		key = append(key, c)
	}
	off = align4(off + 2)
	if off+valueLen > length {
		return block{}, false
	}
	blk := block{key: string(utf16.Decode(key)), value: b[off : off+valueLen], length: length}
	for off = align4(off + valueLen); off < length; {
		child, ok := parseBlock(b[off:])
		if !ok {
			return block{}, false
		}
		blk.children = append(blk.children, child)
		off = align4(off + child.length)
	}
	return blk, true
}

func align4(n int) int { return (n + 3) &^ 3 }

func utf16String(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return strings.TrimRight(string(utf16.Decode(u)), "\x00")
}
