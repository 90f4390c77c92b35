package reader

// Version is the release shown by the About dialog and `sahelreader version`.
// FyneApp.toml's Version must say the same (a test in ui/cli checks it).
const Version = "0.1.0"
