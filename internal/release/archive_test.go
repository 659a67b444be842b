package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"gongjian/rules"
)

// testRelease is a release of the repository this test runs in, stamped with a fixed
// commit, as run would have it after the first build.
func testRelease(t *testing.T, version string) *release {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return &release{root: root, dist: t.TempDir(), version: version, stamp: stamp{
		Commit: "429622835161276bbcf79e81fcba179b00a06aa3",
		Time:   time.Date(2025, 6, 1, 10, 0, 0, 0, time.UTC),
	}}
}

// file is an archive entry as read back.
type file struct {
	name  string
	mode  fs.FileMode
	mtime time.Time
	data  []byte
}

// readArchive lists an archive's entries in order, with the standard library's readers
// (the same formats unzip, tar and Windows Explorer read).
func readArchive(t *testing.T, name string, data []byte) []file {
	t.Helper()
	var files []file
	if strings.HasSuffix(name, ".zip") {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			nonASCII := strings.ContainsFunc(f.Name, func(r rune) bool { return r > 127 })
			if nonASCII && f.Flags&0x800 == 0 { // bit 11: the name is UTF-8
				t.Errorf("%s: the name %q is not flagged as UTF-8", name, f.Name)
			}
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, file{f.Name, f.Mode(), f.Modified, b})
		}
		return files
	}
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if gz.Name != "" || !gz.ModTime.IsZero() {
		t.Errorf("%s: the gzip header holds name %q and time %v", name, gz.Name, gz.ModTime)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Uid != 0 || h.Gid != 0 || h.Uname != "" || h.Gname != "" {
			t.Errorf("%s: %s is owned by %d/%d (%s/%s)", name, h.Name, h.Uid, h.Gid, h.Uname, h.Gname)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, file{h.Name, h.FileInfo().Mode(), h.ModTime, b})
	}
	return files
}

// Every archive holds its folder, the program, the guide, the sample and the rules,
// each with the commit's time and the right mode, in the platform's text form.
func TestArchiveContents(t *testing.T) {
	r := testRelease(t, "1.2.0")
	sample, err := os.ReadFile(filepath.Join(r.root, "testdata", sampleName))
	if err != nil {
		t.Fatal(err)
	}
	for _, tg := range targets {
		t.Run(tg.OS+"_"+tg.Arch, func(t *testing.T) {
			program := []byte("\x7fELF or MZ, the program " + tg.OS + "/" + tg.Arch)
			data, err := r.pack(tg, program)
			if err != nil {
				t.Fatal(err)
			}
			name := tg.archive("1.2.0")
			dir := "gongjian_1.2.0_" + tg.OS + "_" + tg.Arch + "/"
			files := readArchive(t, name, data)
			var names []string
			for _, f := range files {
				names = append(names, f.name)
				if !f.mtime.Equal(r.stamp.Time) {
					t.Errorf("%s: mtime %v, want the commit's %v", f.name, f.mtime, r.stamp.Time)
				}
			}
			want := []string{dir, dir + tg.exe(), dir + "使用说明.txt", dir + "礼义镇开复工台账.xlsx", dir + "规则.yaml"}
			if !reflect.DeepEqual(names, want) {
				t.Fatalf("entries %q, want %q", names, want)
			}
			modes := []fs.FileMode{fs.ModeDir | 0o755, 0o755, 0o644, 0o644, 0o644}
			for i, f := range files {
				if f.mode != modes[i] {
					t.Errorf("%s: mode %v, want %v", f.name, f.mode, modes[i])
				}
			}
			if !bytes.Equal(files[1].data, program) {
				t.Errorf("the program differs")
			}
			if !bytes.Equal(files[3].data, sample) {
				t.Errorf("the sample differs from testdata/%s", sampleName)
			}
			guideText, rulesText := files[2].data, files[4].data
			for _, text := range [][]byte{guideText, rulesText} {
				crlf := bytes.Count(text, []byte("\r\n"))
				lf := bytes.Count(text, []byte("\n"))
				if tg.windows() && (!bytes.HasPrefix(text, bom) || crlf != lf) {
					t.Errorf("Windows text: BOM %v, %d of %d line ends CRLF", bytes.HasPrefix(text, bom), crlf, lf)
				}
				if !tg.windows() && (bytes.HasPrefix(text, bom) || crlf != 0) {
					t.Errorf("%s text: BOM %v, %d CRLF line ends", tg.OS, bytes.HasPrefix(text, bom), crlf)
				}
			}
			// The rules are the program's default, and read as such in either form.
			got, err := rules.Parse(rulesName, rulesText)
			if err != nil {
				t.Fatalf("规则.yaml does not parse: %v", err)
			}
			if !reflect.DeepEqual(got, rules.Default()) {
				t.Errorf("规则.yaml reads differently from the default rules")
			}
			if !bytes.Equal(bytes.ReplaceAll(bytes.TrimPrefix(rulesText, bom), []byte("\r\n"), []byte("\n")), rules.DefaultYAML()) {
				t.Errorf("规则.yaml is not the embedded default.yaml")
			}
		})
	}
}

// The same inputs give the same bytes: a download can be checked against a rebuild.
func TestArchiveReproducible(t *testing.T) {
	r := testRelease(t, "")
	for _, tg := range targets {
		a, err := r.pack(tg, []byte("program"))
		if err != nil {
			t.Fatal(err)
		}
		b, err := r.pack(tg, []byte("program"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two packs differ", tg.archive("dev"))
		}
		r2 := *r
		r2.stamp.Time = r.stamp.Time.Add(time.Hour)
		c, err := r2.pack(tg, []byte("program"))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(a, c) {
			t.Errorf("%s: another commit time gives the same bytes; the times are not in the archive", tg.archive("dev"))
		}
	}
}

func TestArchiveNames(t *testing.T) {
	var got []string
	for _, tg := range targets {
		got = append(got, tg.archive("1.2.0"))
	}
	want := []string{
		"gongjian_1.2.0_windows_amd64.zip",
		"gongjian_1.2.0_windows_arm64.zip",
		"gongjian_1.2.0_linux_amd64.tar.gz",
		"gongjian_1.2.0_linux_arm64.tar.gz",
		"gongjian_1.2.0_linux_loong64.tar.gz",
		"gongjian_1.2.0_darwin_arm64.tar.gz",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("archives %q, want %q", got, want)
	}
}

func TestChecksumLine(t *testing.T) {
	// The SHA-256 of "abc" (FIPS 180-2, appendix B.1), as sha256sum prints it.
	want := "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  gongjian_1.2.0_linux_amd64.tar.gz\n"
	if got := checksumLine("gongjian_1.2.0_linux_amd64.tar.gz", []byte("abc")); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
