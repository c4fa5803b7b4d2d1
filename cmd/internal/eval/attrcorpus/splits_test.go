package attrcorpus_test

import (
	"flag"
	"os"
	"testing"

	"github.com/hearsay-go/hearsay/attribution"
	"github.com/hearsay-go/hearsay/cmd/internal/eval/attrcorpus"
)

var polnearDiff = flag.Bool("polnear.diff", false, "log the misses and false alarms of each dev article")

func scoreSplit(t *testing.T, split string) attrcorpus.Result {
	dir, err := attrcorpus.SplitDir(split)
	if err != nil {
		t.Skip(err)
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no PolNeAR %s split at %s", split, dir)
	}
	gold, err := attrcorpus.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var x attribution.Extractor
	pred := make([]attrcorpus.Article, len(gold))
	for i, a := range gold {
		pred[i] = attrcorpus.Predict(&x, a)
		if *polnearDiff {
			for _, d := range attrcorpus.Diff(a, pred[i]) {
				t.Logf("%s %v", a.ID, d)
			}
		}
	}
	return attrcorpus.Score(gold, pred)
}

// TestPolNeARDev scores the extractor on the PolNeAR dev split (exact
// span F1 for source, cue and content) and fails below floors a little
// under today's figures (issue 11's targets are higher).
func TestPolNeARDev(t *testing.T) {
	res := scoreSplit(t, "dev")
	t.Logf("PolNeAR dev:\n%s", res)
	floors := [attrcorpus.NumRoles]float64{attrcorpus.Source: 0.745, attrcorpus.Cue: 0.702, attrcorpus.Content: 0.587}
	for _, r := range attrcorpus.Roles {
		if f := res.Exact[r].F1(); f < floors[r] {
			t.Errorf("%v exact F1 %.1f below the floor %.1f", r, 100*f, 100*floors[r])
		}
	}
}

// TestPolNeARTrain scores the train split; it runs with -polnear.train.
func TestPolNeARTrain(t *testing.T) {
	if !*polnearTrain {
		t.Skip("use -polnear.train")
	}
	t.Logf("PolNeAR train:\n%s", scoreSplit(t, "train"))
}

var polnearTrain = flag.Bool("polnear.train", false, "also score the PolNeAR train split")
