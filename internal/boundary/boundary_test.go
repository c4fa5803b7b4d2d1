package boundary

import (
	"bytes"
	"errors"
	"testing"
)

// feats returns one feature per value, of template 1.
func feats(values ...string) []Feature {
	out := make([]Feature, len(values))
	for i, v := range values {
		out[i] = Template(1).Mix(Hash(v))
	}
	return out
}

// TestTrainLearnsRanking checks that Train learns which candidate is
// right from a feature that marks it, whatever its position.
func TestTrainLearnsRanking(t *testing.T) {
	var exs []Example
	for i := range 40 {
		gold := i % 3
		cands := [][]Feature{feats("a", "x"), feats("b", "x"), feats("c", "x")}
		cands[gold] = append(cands[gold], Template(2).Mix(Hash("right")))
		exs = append(exs, Example{Cands: cands, Gold: gold})
	}
	m := train1(t, exs, TrainConfig{Bits: 12, Epochs: 3, Seed: 1, MinCount: 1})
	for i, ex := range exs {
		if got := m.Best(ex.Cands); got != ex.Gold {
			t.Fatalf("example %d: Best = %d, want %d", i, got, ex.Gold)
		}
	}
	// The same examples and config give the same weights.
	if again := train1(t, exs, TrainConfig{Bits: 12, Epochs: 3, Seed: 1, MinCount: 1}); !bytes.Equal(again.Marshal(), m.Marshal()) {
		t.Error("Train is not deterministic")
	}
	// A feature seen in fewer right candidates than MinCount is not learned.
	right := []Feature{Template(2).Mix(Hash("right"))}
	if m.Score(right) <= 0 {
		t.Errorf("the marking feature weighs %d, want more than 0", m.Score(right))
	}
	if m := train1(t, exs, TrainConfig{Bits: 12, Epochs: 3, Seed: 1, MinCount: 1000}); m.Score(right) != 0 || m.Best(exs[1].Cands) != 0 {
		t.Error("MinCount did not leave out the rare feature")
	}
}

// TestZeroModel checks that a nil or empty model scores 0 and keeps the
// first candidate, the proposed one.
func TestZeroModel(t *testing.T) {
	var nilModel *Model
	cands := [][]Feature{feats("a"), feats("b")}
	if nilModel.Score(cands[1]) != 0 || nilModel.Best(cands) != 0 || new(Model).Best(cands) != 0 {
		t.Error("a zero model does not keep the first candidate")
	}
	if nilModel.Best(nil) != -1 {
		t.Error("Best of no candidates is not -1")
	}
}

// TestMarshalRoundTrip checks that Unmarshal gives back the weights of
// Marshal.
func TestMarshalRoundTrip(t *testing.T) {
	exs := []Example{
		{Cands: [][]Feature{feats("a"), feats("b")}, Gold: 1},
		{Cands: [][]Feature{feats("c"), feats("a")}, Gold: 0},
	}
	m := train1(t, exs, TrainConfig{Bits: 10, Epochs: 2, Seed: 7, MinCount: 1})
	b := m.Marshal()
	got, err := Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"a", "b", "c", "d"} {
		if got.Score(feats(f)) != m.Score(feats(f)) {
			t.Errorf("score of %q: %d after the round trip, %d before", f, got.Score(feats(f)), m.Score(feats(f)))
		}
	}
	if m.Score(feats("b")) <= 0 || m.Score(feats("a")) >= 0 {
		t.Errorf("weights of b and a: %d %d, want positive and negative", m.Score(feats("b")), m.Score(feats("a")))
	}
}

// TestUnmarshalErrors checks that bad weights are an error wrapping
// ErrFormat, never a panic.
func TestUnmarshalErrors(t *testing.T) {
	good := train1(t, []Example{{Cands: [][]Feature{feats("a"), feats("b")}, Gold: 1}}, TrainConfig{Bits: 8, Epochs: 1, MinCount: 1}).Marshal()
	for name, b := range map[string][]byte{
		"empty":      nil,
		"magic":      []byte("hearsay-xxx\x01\x08\x00"),
		"bits":       append([]byte(magic), 40, 0),
		"count":      append([]byte(magic), 8, 0xff, 0xff, 0xff, 0xff, 0x0f),
		"truncated":  good[:len(good)-1],
		"trailing":   append(append([]byte(nil), good...), 0),
		"step past":  append([]byte(magic), 8, 1, 0x80, 0x04, 2),
		"past table": append([]byte(magic), 8, 2, 0xc8, 0x01, 2, 0xc8, 0x01, 2),
		"zero step":  append([]byte(magic), 8, 1, 0, 2),
	} {
		if _, err := Unmarshal(b); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: err = %v, want ErrFormat", name, err)
		}
	}
}

// FuzzUnmarshal checks that any bytes decode to a model or an error.
func FuzzUnmarshal(f *testing.F) {
	m, err := Train([]Example{{Cands: [][]Feature{feats("a"), feats("b")}, Gold: 1}}, TrainConfig{Bits: 8, Epochs: 1, MinCount: 1})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(m.Marshal())
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Unmarshal(b)
		if err == nil {
			m.Score(feats("a"))
		}
	})
}

// TestFeatureValues checks that the values of a feature are kept apart:
// ("ab", "c") is not ("a", "bc"), the order counts, and a template is not
// another's.
func TestFeatureValues(t *testing.T) {
	if Template(1).Mix(Hash("ab")).Mix(Hash("c")) == Template(1).Mix(Hash("a")).Mix(Hash("bc")) {
		t.Error(`("ab", "c") and ("a", "bc") hash alike`)
	}
	if Template(1).Mix(Hash("a")).Mix(Hash("b")) == Template(1).Mix(Hash("b")).Mix(Hash("a")) {
		t.Error(`("a", "b") and ("b", "a") hash alike`)
	}
	if Template(1).Mix(Hash("a")) == Template(2).Mix(Hash("a")) {
		t.Error("two templates hash alike")
	}
	if Template(1).Mix(1) == Template(1).Mix(^uint64(0)) {
		t.Error("1 and -1 hash alike")
	}
}

// train1 is Train, failing the test on an error.
func train1(t *testing.T, exs []Example, cfg TrainConfig) *Model {
	t.Helper()
	m, err := Train(exs, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestTrainErrors checks that Train refuses what it cannot learn from.
func TestTrainErrors(t *testing.T) {
	ok := []Example{{Cands: [][]Feature{feats("a"), feats("b")}, Gold: 1}}
	for name, tc := range map[string]struct {
		exs []Example
		cfg TrainConfig
	}{
		"no bits":       {ok, TrainConfig{Bits: 0, Epochs: 1}},
		"too many bits": {ok, TrainConfig{Bits: 25, Epochs: 1}},
		"no candidate":  {[]Example{{Gold: 0}}, TrainConfig{Bits: 8, Epochs: 1}},
		"gold past":     {[]Example{{Cands: [][]Feature{feats("a")}, Gold: 1}}, TrainConfig{Bits: 8, Epochs: 1}},
		"gold negative": {[]Example{{Cands: [][]Feature{feats("a")}, Gold: -1}}, TrainConfig{Bits: 8, Epochs: 1}},
	} {
		if _, err := Train(tc.exs, tc.cfg); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestZeroMarshal checks that a nil or zero model stores and reads back
// as one that scores everything 0.
func TestZeroMarshal(t *testing.T) {
	for _, m := range []*Model{nil, new(Model)} {
		got, err := Unmarshal(m.Marshal())
		if err != nil {
			t.Fatal(err)
		}
		if got.Score(feats("a", "b")) != 0 {
			t.Error("a zero model read back scores")
		}
	}
}
