package main

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hearsay-go/hearsay"
)

// TestMain runs main when the test binary is started by the tests below
// as the command.
func TestMain(m *testing.M) {
	if os.Getenv("HEARSAY_BEAM_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// command returns the test binary set up to run as hearsay-beam.
func command(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "HEARSAY_BEAM_MAIN=1")
	return cmd
}

// TestRun runs the command on the local runner over the test texts and
// JSON Lines.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	report := filepath.Join(dir, "report.json")
	cmd := command("-text", "../../testdata/texts/*.txt", "-jsonl", "../../testdata/docs.jsonl",
		"-top", "2", "-docs", filepath.Join(dir, "docs"), "-report", report)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hearsay-beam: %v\n%s", err, out)
	}
	b, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	var r hearsay.Report
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("report %s: %v", b, err)
	}
	if r.Claims == 0 || len(r.TopSources) != 2 {
		t.Errorf("report: want claims and 2 top sources, got %s", b)
	}
	docs, err := filepath.Glob(filepath.Join(dir, "docs-*.jsonl"))
	if err != nil || len(docs) == 0 {
		t.Errorf("no documents written (%v)", err)
	}
}

// TestNoInput checks the usage error.
func TestNoInput(t *testing.T) {
	out, err := command().CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 2 || !strings.Contains(string(out), "usage: hearsay-beam") {
		t.Errorf("hearsay-beam without input: got %v\n%s\nwant exit status 2 and the usage", err, out)
	}
}
