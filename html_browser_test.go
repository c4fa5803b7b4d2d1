package hearsay_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"image/png"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/hearsay-go/hearsay"
)

// Regenerate docs/article.png, the README's picture of the article's
// page (needs /usr/bin/chromium):
//
//	go test -run TestHTMLChromium -update-png .
var updatePNG = flag.Bool("update-png", false, "rewrite docs/article.png with headless Chromium")

const chromiumPath = "/usr/bin/chromium"

// chromium returns the path of Chromium, or skips the test when it is not
// installed; with HEARSAY_REQUIRE_CHROMIUM=1 (set by .ci/run when it
// installed Chromium) the test fails instead.
func chromium(t *testing.T) string {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("HEARSAY_REQUIRE_CHROMIUM") == "1" {
			t.Fatalf("HEARSAY_REQUIRE_CHROMIUM=1 but %v", err)
		}
		t.Skipf("no Chromium: %v", err)
	}
	return chromiumPath
}

// runChromium runs headless Chromium on the page file with the extra
// arguments, offline and with a new profile in dir, and returns its
// standard output. The timeout, two minutes a run, is generous: the
// machine may be busy. A browser killed by a signal (Chromium now and then crashes on start on
// a loaded machine, before it reads the page) is run again, up to three
// times; any other failure fails the test at once.
func runChromium(t *testing.T, bin, dir, page string, args ...string) []byte {
	t.Helper()
	var err error
	var stderr bytes.Buffer
	for range 3 {
		profile, perr := os.MkdirTemp(dir, "profile")
		if perr != nil {
			t.Fatal(perr)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		all := append([]string{
			"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--user-data-dir=" + profile, "--force-device-scale-factor=1",
		}, args...)
		all = append(all, (&url.URL{Scheme: "file", Path: filepath.ToSlash(page)}).String())
		cmd := exec.CommandContext(ctx, bin, all...)
		stderr.Reset()
		cmd.Stderr = &stderr
		var out []byte
		out, err = cmd.Output()
		timedOut := ctx.Err() != nil
		cancel()
		if err == nil {
			return out
		}
		var exit *exec.ExitError
		if timedOut || !errors.As(err, &exit) || exit.ProcessState == nil || !signaled(exit.ProcessState) {
			break // a browser killed for its time is not run again
		}
		t.Logf("chromium %s: %v; running it again", strings.Join(args, " "), err)
	}
	t.Fatalf("chromium %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	return nil
}

// signaled reports whether the process was ended by a signal.
func signaled(ps *os.ProcessState) bool {
	ws, ok := ps.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled()
}

// TestHTMLChromium renders the article's page in headless Chromium: the
// screenshot is not blank, the DOM has a mark and details for each
// attribution, and a click on a cue shows its attribution. With
// -update-png it writes a screenshot of the page with that cue selected to
// docs/article.png.
func TestHTMLChromium(t *testing.T) {
	bin := chromium(t)
	doc := hearsay.Analyze(readArticle(t))
	var b bytes.Buffer
	page := hearsay.HTMLPage{Title: "hearsay"}
	if err := page.Add(&b, "testdata/article.txt", doc); err != nil {
		t.Fatal(err)
	}
	if err := page.Close(&b); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "article.html")
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("screenshot", func(t *testing.T) {
		shot := filepath.Join(dir, "article.png")
		runChromium(t, bin, dir, file, "--screenshot="+shot, "--window-size=1280,2000", "--hide-scrollbars")
		f, err := os.Open(shot)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		bounds := img.Bounds()
		ink := 0
		for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
			for x := bounds.Min.X; x < bounds.Max.X; x++ {
				r, g, b, _ := img.At(x, y).RGBA()
				if r < 0xe000 || g < 0xe000 || b < 0xe000 {
					ink++
				}
			}
		}
		// Text, marks and chart cover several percent of the page.
		if total := bounds.Dx() * bounds.Dy(); ink < total/50 {
			t.Errorf("screenshot %v nearly blank: %d of %d pixels not white", bounds, ink, total)
		}
	})

	t.Run("DOM", func(t *testing.T) {
		dom := string(runChromium(t, bin, dir, file, "--dump-dom"))
		var want []int
		for i := range doc.Attributions {
			want = append(want, i)
		}
		if diff := cmp.Diff(want, markedAttributions(dom)); diff != "" {
			t.Errorf("attributions with a mark in the DOM (-want +got):\n%s", diff)
		}
		if n := strings.Count(dom, `<details id="d1a`); n != len(doc.Attributions) {
			t.Errorf("%d details in the DOM, want %d", n, len(doc.Attributions))
		}
		// The script made the marks reachable from the keyboard.
		if !strings.Contains(dom, `tabindex="0" role="button"`) {
			t.Error("the script did not run: no focusable marks")
		}
	})

	t.Run("click", func(t *testing.T) {
		// The same page with the first distancing cue ("claim", reported
		// via Axios) selected once the page's script has run.
		click := `<script>var m=document.querySelector(".t u.d");m.focus();m.click()</script>`
		clicked := filepath.Join(dir, "clicked.html")
		if err := os.WriteFile(clicked, bytes.Replace(b.Bytes(), []byte("</body>"), []byte(click+"</body>"), 1), 0o644); err != nil {
			t.Fatal(err)
		}
		dom := string(runChromium(t, bin, dir, clicked, "--dump-dom"))
		i := strings.Index(dom, `<section class="p"`)
		j := strings.Index(dom, `<h3>Sourcing</h3>`)
		if i < 0 || j < i {
			t.Fatal("no selection panel in the DOM")
		}
		panel := dom[i:j]
		// The attribution of the cue, then the one it is reported via.
		if n := strings.Count(panel, "<details"); n < 2 || strings.Count(panel, `open=""`) != n {
			t.Errorf("panel shows %d attributions, want the cue's and its via:\n%s", n, panel)
		}
		for _, want := range []string{"claim", "distancing", "Axios"} {
			if !strings.Contains(panel, want) {
				t.Errorf("panel lacks %q:\n%s", want, panel)
			}
		}
		if *updatePNG {
			shot := filepath.Join("docs", "article.png")
			runChromium(t, bin, dir, clicked, "--screenshot="+shot, "--window-size=1280,2000", "--hide-scrollbars")
		}
	})
}
