package pipeline

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/hearsay-go/hearsay"
)

// TestCommandTotal checks the pipeline's total against the total of the
// command line's -format report-json on the same files.
func TestCommandTotal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command line")
	}
	bin := filepath.Join(t.TempDir(), "hearsay")
	// Built, then run, rather than go run, which turns every exit status
	// into 1.
	build := exec.Command("go", "build", "-o", bin, "github.com/hearsay-go/hearsay/cmd/hearsay")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	files, err := filepath.Glob(textGlob)
	if err != nil || len(files) == 0 {
		t.Fatalf("no test texts (%v)", err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, append([]string{"-format", "report-json"}, files...)...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if err != nil {
		t.Fatalf("hearsay -format report-json: %v\n%s", err, stderr.Bytes())
	}
	var out struct {
		Documents []struct {
			ID     string         `json:"id"`
			Report hearsay.Report `json:"report"`
		} `json:"documents"`
		Total *hearsay.Report `json:"total"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("hearsay -format report-json: %v\n%s", err, stdout.Bytes())
	}
	if out.Total == nil || len(out.Documents) != len(files) {
		t.Fatalf("hearsay -format report-json: want %d documents and a total, got\n%s", len(files), stdout.Bytes())
	}

	_, total := run(t, Config{Text: textGlob})
	if diff := gocmp.Diff(normalize(*out.Total, 0), total, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("total (-want +got):\n%s", diff)
	}
}
