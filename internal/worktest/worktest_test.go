package worktest

import "testing"

func TestGrowth(t *testing.T) {
	sum := func(n int) {
		s := 0
		for i := range n {
			s += i ^ (s >> 3)
		}
		sink = s
	}
	quadratic := func(n int) { sum(n * n / 1000) }
	if g := Growth(t, sum, 1<<20, 4<<20); g > 10 {
		t.Errorf("a linear loop grew %.1fx for 4x", g)
	}
	if g := Growth(t, quadratic, 1<<15, 4<<15); g < 10 {
		t.Errorf("a quadratic loop grew %.1fx for 4x", g)
	}
}

var sink int
