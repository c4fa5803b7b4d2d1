package seqmodel

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAppendSpans(t *testing.T) {
	tests := []struct {
		name   string
		labels []Label
		want   []Span
	}{
		{"empty", nil, nil},
		{"all O", []Label{O, O}, nil},
		{"source cue content", []Label{BSource, ISource, BCue, BContent, IContent, O},
			[]Span{{Source, 0, 2}, {Cue, 2, 3}, {Content, 3, 5}}},
		{"two contents in a row", []Label{BContent, BContent, IContent}, []Span{{Content, 0, 1}, {Content, 1, 3}}},
		{"inside without a begin opens a span", []Label{O, ICue, ICue, IContent}, []Span{{Cue, 1, 3}, {Content, 3, 4}}},
		{"span to the end", []Label{O, BCue, ICue}, []Span{{Cue, 1, 3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := AppendSpans(nil, tt.labels)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("AppendSpans(%v) (-want +got):\n%s", tt.labels, diff)
			}
		})
	}
}

func TestLabelSpans(t *testing.T) {
	spans := []Span{{Source, 0, 2}, {Cue, 2, 3}, {Content, 4, 6}}
	got := make([]Label, 7)
	LabelSpans(got, spans)
	want := []Label{BSource, ISource, BCue, O, BContent, IContent, O}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("LabelSpans (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(spans, AppendSpans(nil, got)); diff != "" {
		t.Errorf("AppendSpans(LabelSpans) (-want +got):\n%s", diff)
	}
}

// testModel returns a model with fixed pseudo-random weights.
func testModel(bits uint, seed uint64) *Model {
	rng := rand.New(rand.NewPCG(seed, 7))
	m := &Model{bits: bits, w: make([]int8, (1<<bits)*stride), Scale: 1}
	for k := range m.w {
		if k%stride < NumLabels && rng.IntN(3) > 0 {
			m.w[k] = int8(rng.IntN(255) - 127)
		}
	}
	for a := range m.trans {
		m.start[a] = int32(rng.IntN(201) - 100)
		for b := range m.trans[a] {
			m.trans[a][b] = int32(rng.IntN(201) - 100)
		}
	}
	m.pack()
	return m
}

// TestEmission checks the packed sums against plain ones, over more
// features than one flush holds.
func TestEmission(t *testing.T) {
	m := testModel(6, 4)
	rng := rand.New(rand.NewPCG(8, 9))
	for _, n := range []int{0, 1, 30, 255, 256, 257, 700} {
		feats := make([]uint32, n)
		for i := range feats {
			feats[i] = rng.Uint32()
		}
		var want, got [NumLabels]int32
		for _, f := range feats {
			for l := Label(0); l < NumLabels; l++ {
				want[l] += m.Weight(f, l)
			}
		}
		got = [NumLabels]int32{1, 2, 3, 4, 5, 6, 7} // overwritten, not added to
		m.emission(feats, 1<<m.bits-1, &got)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%d features (-want +got):\n%s", n, diff)
		}
	}
}

// TestEmissions checks the scores of a sequence against emission's, token
// by token, with tokens of more features than one flush holds among them.
func TestEmissions(t *testing.T) {
	m := testModel(6, 4)
	rng := rand.New(rand.NewPCG(10, 11))
	var s Seq
	s.Reset()
	sizes := []int{0, 1, 30, 255, 256, 257, 700, 2}
	for _, n := range sizes {
		for range n {
			s.Feats = append(s.Feats, rng.Uint32())
		}
		s.Next()
	}
	got := make([]int32, len(sizes)*NumLabels)
	m.emissions(s.Feats, s.Off, got)
	for i := range sizes {
		var want [NumLabels]int32
		m.emission(s.Token(i), 1<<m.bits-1, &want)
		if diff := cmp.Diff(want[:], got[i*NumLabels:(i+1)*NumLabels]); diff != "" {
			t.Errorf("token %d, %d features (-want +got):\n%s", i, sizes[i], diff)
		}
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	m := testModel(6, 1)
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	got, err := Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(m, got, cmp.AllowUnexported(Model{})); diff != "" {
		t.Errorf("Unmarshal(MarshalBinary(m)) (-want +got):\n%s", diff)
	}
	for _, cut := range []int{0, 3, 20, len(b) - 1} {
		if _, err := Unmarshal(b[:cut]); err == nil {
			t.Errorf("Unmarshal of the first %d bytes: no error", cut)
		}
	}
}

// TestZeroModel checks that the zero Model tags every token O.
func TestZeroModel(t *testing.T) {
	var h Hasher
	h.Reset()
	for _, w := range []string{"officials", "said", "it"} {
		h.add(1, w)
		h.Seq.Next()
	}
	var m Model
	var sc Scratch
	if diff := cmp.Diff([]Label{O, O, O}, m.Decode(&h.Seq, &sc, nil)); diff != "" {
		t.Errorf("Decode (-want +got):\n%s", diff)
	}
}

// fuzzModel is the model FuzzDecode decodes with.
var fuzzModel = testModel(8, 2)

// FuzzDecode checks that any sequence of tokens and features decodes to
// one valid label per token: every I label continues a span of its own
// role, and the spans read back are in order, do not overlap and cover
// exactly the labelled tokens. Viterbi takes time linear in the tokens
// and features by construction (one pass of NumLabels^2 steps per
// token).
func FuzzDecode(f *testing.F) {
	f.Add([]byte("officials said it"), uint8(0))
	f.Add([]byte{0, 1, 2, 3, 255, 254}, uint8(3))
	f.Add([]byte(`"We have covert operations," a senior White House official told Axios.`), uint8(9))
	f.Fuzz(func(t *testing.T, data []byte, per uint8) {
		var h Hasher
		h.Reset()
		prev := uint32(0)
		for i, b := range data {
			// A token per byte, with one to four features; a zero
			// byte is a token without features.
			if b != 0 {
				h.addH(1, uint32(b))
				h.addH2(2, uint32(b), prev)
				for k := range int(per % 3) {
					h.addH(3+uint8(k), uint32(i))
				}
			}
			prev = uint32(b)
			h.Seq.Next()
		}
		var sc Scratch
		labels := fuzzModel.Decode(&h.Seq, &sc, nil)
		if len(labels) != len(data) {
			t.Fatalf("%d labels for %d tokens", len(labels), len(data))
		}
		for i, l := range labels {
			if l >= NumLabels {
				t.Fatalf("token %d: label %d out of range", i, l)
			}
			p := O
			if i > 0 {
				p = labels[i-1]
			}
			if !allowed(p, l) {
				t.Fatalf("token %d: %v after %v", i, l, p)
			}
		}
		spans := AppendSpans(nil, labels)
		end := 0
		for _, s := range spans {
			if s.Start < end || s.End <= s.Start || s.End > len(labels) || s.Role == None {
				t.Fatalf("span %+v after %d in %v", s, end, spans)
			}
			end = s.End
		}
		back := make([]Label, len(labels))
		LabelSpans(back, spans)
		if !slices.Equal(back, labels) {
			t.Fatalf("labels %v read back as %v", labels, back)
		}
	})
}

// FuzzUnmarshal checks that Unmarshal never panics and that what it
// accepts encodes back to the same bytes.
func FuzzUnmarshal(f *testing.F) {
	b, _ := testModel(4, 3).MarshalBinary()
	f.Add(b)
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Unmarshal(data)
		if err != nil {
			return
		}
		again, err := m.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		if m2, err := Unmarshal(again); err != nil || m2.Buckets() != m.Buckets() {
			t.Fatalf("re-encoded model: %v, %d buckets, want %d", err, m2.Buckets(), m.Buckets())
		}
	})
}

// TestSumRowsFullLanes checks sumRows where its lanes are fullest: 256
// rows of the largest weights, and of the smallest, in odd and even
// numbers.
func TestSumRowsFullLanes(t *testing.T) {
	for _, w := range []int8{127, -128} {
		m := &Model{bits: 2, w: make([]int8, 4*stride), Scale: 1}
		for k := range m.w {
			if k%stride < NumLabels {
				m.w[k] = w
			}
		}
		m.pack()
		for _, n := range []int{1, 2, 255, 256} {
			feats := make([]uint32, n)
			for i := range feats {
				feats[i] = uint32(i)
			}
			var got [NumLabels]int32
			m.emission(feats, 1<<m.bits-1, &got)
			for l, v := range got {
				if v != int32(w)*int32(n) {
					t.Errorf("weight %d, %d rows: label %d sums to %d, want %d", w, n, l, v, int32(w)*int32(n))
				}
			}
		}
	}
}
