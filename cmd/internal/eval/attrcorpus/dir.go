package attrcorpus

import (
	"errors"
	"os"
	"path/filepath"
)

// SplitDir returns the folder of a PolNeAR split ("train", "dev"):
// $HEARSAY_EVAL/attribution/polnear/SPLIT, or ../shared/eval beside the
// root of the module that holds the working directory.
func SplitDir(split string) (string, error) {
	eval := os.Getenv("HEARSAY_EVAL")
	if eval == "" {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		for d := wd; ; d = filepath.Dir(d) {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				eval = filepath.Join(d, "..", "shared", "eval")
				break
			}
			if filepath.Dir(d) == d {
				return "", errors.New("no go.mod above the working directory; set HEARSAY_EVAL")
			}
		}
	}
	return filepath.Join(eval, "attribution", "polnear", split), nil
}
