package main

import (
	"bytes"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/hearsay-go/hearsay"
)

// TestPipelineBounded counts, never times: at every write, the items
// read and not yet written are at most 2*jobs, and the first document is
// written before the input is read to the end.
func TestPipelineBounded(t *testing.T) {
	const n = 200
	for _, jobs := range []int{1, 2, 4} {
		t.Run(fmt.Sprintf("j=%d", jobs), func(t *testing.T) {
			var read atomic.Int64
			items := func(yield func(item) bool) {
				for i := range n {
					read.Add(1)
					if !yield(item{seq: i, id: fmt.Sprint(i)}) {
						return
					}
				}
			}
			var busy, maxBusy atomic.Int64
			work := func(it item) result {
				b := busy.Add(1)
				for m := maxBusy.Load(); b > m && !maxBusy.CompareAndSwap(m, b); m = maxBusy.Load() {
				}
				defer busy.Add(-1)
				return result{seq: it.seq, id: it.id}
			}
			var order []int
			maxAhead, readAtFirst := int64(0), int64(-1)
			pipeline(items, jobs, work, func(r result) bool {
				ahead := read.Load() - int64(len(order))
				maxAhead = max(maxAhead, ahead)
				if readAtFirst < 0 {
					readAtFirst = read.Load()
				}
				order = append(order, r.seq)
				return true
			})
			if maxAhead > int64(2*jobs) {
				t.Errorf("%d items were read ahead of the writer, want at most %d", maxAhead, 2*jobs)
			}
			if readAtFirst > int64(2*jobs) {
				t.Errorf("%d items read before the first was written, want at most %d", readAtFirst, 2*jobs)
			}
			if m := maxBusy.Load(); m > int64(jobs) {
				t.Errorf("%d workers busy at once, want at most %d", m, jobs)
			}
			want := make([]int, n)
			for i := range want {
				want[i] = i
			}
			if diff := cmp.Diff(want, order); diff != "" {
				t.Errorf("order (-want +got):\n%s", diff)
			}
		})
	}
}

// TestPipelineStop checks that a writer that gives up stops the reading.
func TestPipelineStop(t *testing.T) {
	const jobs, stopAt = 2, 3
	var read atomic.Int64
	items := func(yield func(item) bool) {
		for i := range 1000 {
			read.Add(1)
			if !yield(item{seq: i}) {
				return
			}
		}
	}
	var written []int
	pipeline(items, jobs, func(it item) result { return result{seq: it.seq} }, func(r result) bool {
		written = append(written, r.seq)
		return r.seq < stopAt
	})
	if diff := cmp.Diff([]int{0, 1, 2, 3}, written); diff != "" {
		t.Errorf("written (-want +got):\n%s", diff)
	}
	// The written ones, 2*jobs read ahead, and the one the producer may
	// take as the writer stops.
	if r := read.Load(); r > stopAt+1+2*jobs+1 {
		t.Errorf("%d items read after the writer stopped at %d", r, stopAt)
	}
}

// lineSource is standard input of n JSONL documents, one line a Read,
// that counts the lines it has given.
type lineSource struct {
	n    int
	mu   sync.Mutex
	read int
}

func (s *lineSource) Read(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.read == s.n {
		return 0, io.EOF
	}
	line := fmt.Sprintf("{\"id\": \"d%d\", \"text\": \"Officials said it may rain on day %d.\"}\n", s.read, s.read)
	if len(line) > len(p) {
		return 0, io.ErrShortBuffer
	}
	s.read++
	return copy(p, line), nil
}

func (s *lineSource) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.read
}

// firstWrite records how many lines of the source were read when the
// command first wrote to standard output.
type firstWrite struct {
	src  *lineSource
	at   int
	seen bool
	bytes.Buffer
}

func (w *firstWrite) Write(p []byte) (int, error) {
	if !w.seen {
		w.seen, w.at = true, w.src.count()
	}
	return w.Buffer.Write(p)
}

// TestStreaming runs the command on a stream of documents: the first
// document is on standard output before more than 2*j+1 lines of the
// input are read, and every document comes out.
func TestStreaming(t *testing.T) {
	const n, jobs = 300, 2
	for _, format := range []string{"jsonl", "json", "text", "report-json"} {
		t.Run(format, func(t *testing.T) {
			src := &lineSource{n: n}
			out := &firstWrite{src: src}
			var errOut bytes.Buffer
			code := run([]string{"-input", "jsonl", "-j", fmt.Sprint(jobs), "-format", format}, src, out, &errOut)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut.String())
			}
			if out.at > 2*jobs+1 {
				t.Errorf("%d of %d lines read before the first output, want at most %d", out.at, n, 2*jobs+1)
			}
			if got := strings.Count(out.String(), `"d299"`) + strings.Count(out.String(), "== d299:"); got != 1 {
				t.Errorf("the last document is not in the output")
			}
		})
	}
}

func TestVersion(t *testing.T) {
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{name: "checkout with VCS", bi: &debug.BuildInfo{GoVersion: "go1.26.8",
			Main:     debug.Module{Path: "github.com/hearsay-go/hearsay", Version: "(devel)"},
			Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "0123abcd"}, {Key: "vcs.time", Value: "2026-11-30T00:00:00Z"}, {Key: "vcs.modified", Value: "true"}}},
			want: "hearsay github.com/hearsay-go/hearsay (devel)\nrevision 0123abcd (2026-11-30T00:00:00Z, modified)\nbuilt with go1.26.8\n"},
		{name: "released module", bi: &debug.BuildInfo{GoVersion: "go1.26.8",
			Main: debug.Module{Path: "github.com/hearsay-go/hearsay", Version: "v0.3.0"}},
			want: "hearsay github.com/hearsay-go/hearsay v0.3.0\nbuilt with go1.26.8\n"},
		{name: "no version", bi: &debug.BuildInfo{}, want: "hearsay github.com/hearsay-go/hearsay (devel)\n"},
		{name: "no build info", bi: nil, want: "hearsay (no build information)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, versionText(tt.bi)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	t.Run("flag", func(t *testing.T) {
		code, out, _ := runCmd(t, "", "-version")
		if code != 0 || !strings.HasPrefix(out, "hearsay ") {
			t.Errorf("exit %d, output %q", code, out)
		}
	})
}

func TestHelp(t *testing.T) {
	code, out, errOut := runCmd(t, "", "-h")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var missing []string
	for _, want := range []string{
		"hearsay analyzes news text into who claims what",
		"usage: hearsay [flags] [FILE|DIR|- ...]",
		"-input jsonl",
		"\n  text ", "\n  json ", "\n  jsonl ", "\n  jsonld ", "\n  dot ", "\n  report ", "\n  report-json ",
		"-keep-going", "-glob", "-base", "-indent", "-version", "-lang", "-j N",
		"Exit status: 0 success; 1 an input failed",
		"2 usage error",
		"hearsay eval uncertainty [-errors] [-lang en|es] FILE|DIR ...",
		"language of the corpus: en or es", // eval uncertainty's -lang
		"hearsay eval polnear [-errors] [-agreement] DIR",
		"list the misses and false alarms",
	} {
		if !strings.Contains(out, want) {
			missing = append(missing, want)
		}
	}
	if len(missing) > 0 {
		t.Errorf("-h lacks %q:\n%s", missing, out)
	}
	for _, sub := range [][]string{{"eval", "uncertainty", "-h"}, {"eval", "polnear", "-h"}} {
		code, out, _ := runCmd(t, "", sub...)
		if code != 0 || !strings.Contains(out, "-errors") {
			t.Errorf("%v: exit %d, output %q", sub, code, out)
		}
	}
}

// TestMessages checks that errors read once and clearly, and usage errors
// exit 2.
func TestMessages(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		stdin    string
		wantCode int
		wantOut  string
		wantErr  string // first line of stderr
	}{
		{name: "lang not a tag", args: []string{"-lang", "spanish"}, wantCode: 2, wantErr: `hearsay: -lang "spanish": want en, es or auto`},
		{name: "lang unsupported", args: []string{"-lang", "fr"}, wantCode: 2, wantErr: `hearsay: -lang "fr": unsupported language; want en, es or auto`},
		{name: "format", args: []string{"-format", "xml"}, wantCode: 2, wantErr: `hearsay: -format "xml": want text, json, jsonl, jsonld, html, dot, report or report-json`},
		{name: "input", args: []string{"-input", "csv"}, wantCode: 2, wantErr: `hearsay: -input "csv": want text or jsonl`},
		{name: "glob", args: []string{"-glob", "[", "."}, wantCode: 2, wantErr: `hearsay: -glob "[": syntax error in pattern`},
		{name: "jobs", args: []string{"-j", "0"}, wantCode: 2, wantErr: `hearsay: -j 0: want at least 1`},
		{name: "flag", args: []string{"-x"}, wantCode: 2, wantErr: `hearsay: flag provided but not defined: -x`},
		{name: "missing file", args: []string{"nope.txt"}, wantCode: 1, wantErr: `hearsay: stat nope.txt: no such file or directory`},
		{name: "eval lang", args: []string{"eval", "uncertainty", "-lang", "spanish", "x"}, wantCode: 2, wantErr: `hearsay eval: -lang "spanish": want en or es`},
		{name: "eval kind", args: []string{"eval", "syntax"}, wantCode: 2, wantErr: `hearsay eval: unknown corpus kind "syntax"`},
		{name: "empty input", stdin: "", wantOut: "== standard input: 0 sentences, 0 claims, 0 attributions, 0 hedges\n\n(no text)\n"},
		{name: "blank input", stdin: " \n\n", wantOut: "== standard input: 0 sentences, 0 claims, 0 attributions, 0 hedges\n\n(no text)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, tt.stdin, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d", code, tt.wantCode)
			}
			first, _, _ := strings.Cut(errOut, "\n")
			if diff := cmp.Diff(tt.wantErr, first); diff != "" {
				t.Errorf("stderr (-want +got):\n%s", diff)
			}
			if strings.Contains(errOut, "hearsay: hearsay") {
				t.Errorf("double prefix: %q", errOut)
			}
			if tt.wantOut != "" || tt.wantCode != 0 {
				if diff := cmp.Diff(tt.wantOut, out); diff != "" {
					t.Errorf("stdout (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestPerDocument registers a format made with perDocument, as a format
// of one document at a time (a page for a person, say) is added.
func TestPerDocument(t *testing.T) {
	saved := formats
	t.Cleanup(func() { formats = saved })
	formats = append(formats[:len(formats):len(formats)], formatEntry{"count", "sentences a document", perDocument(func(w io.Writer, id string, doc *hearsay.Document) error {
		_, err := fmt.Fprintf(w, "%s: %d sentences\n", id, len(doc.Sentences))
		return err
	})})
	code, out, errOut := runCmd(t, `{"id": "a", "text": "One. Two."}`+"\n"+`{"id": "b", "text": "Three."}`, "-input", "jsonl", "-format", "count")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if diff := cmp.Diff("a: 2 sentences\nb: 1 sentences\n", out); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
