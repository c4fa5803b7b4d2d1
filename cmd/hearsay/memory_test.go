package main

import "testing"

func TestGCTuner(t *testing.T) {
	for _, tc := range []struct {
		name  string
		env   map[string]string
		sizes []int
		want  []int // the percents set, in order
	}{
		{"news articles", nil, []int{3000, 5000, streamAbove}, nil},
		{"one large document", nil, []int{3000, streamAbove + 1, 10 * streamAbove}, []int{largeGCPercent}},
		{"GOGC set", map[string]string{"GOGC": "200"}, []int{streamAbove + 1}, nil},
		{"GOMEMLIMIT set", map[string]string{"GOMEMLIMIT": "1GiB"}, []int{streamAbove + 1}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var set []int
			g := &gcTuner{
				getenv:     func(k string) string { return tc.env[k] },
				setPercent: func(p int) int { set = append(set, p); return 100 },
			}
			for _, n := range tc.sizes {
				g.tighten(n)
			}
			if len(set) != len(tc.want) || len(set) > 0 && set[0] != tc.want[0] {
				t.Errorf("set %v, want %v", set, tc.want)
			}
		})
	}
}
