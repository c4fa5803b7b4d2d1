package model

import (
	"encoding/binary"
	"slices"
	"testing"
)

// weight is one weight of a feature in a hand-made weights file.
type weight struct {
	key   uint32
	class uint8
	w     int16
}

// encodeTest writes a weights file of two classes, A and B, an empty
// lexicon, and the weights of each direction.
func encodeTest(dirs ...[]weight) []byte {
	b := []byte(Magic)
	b = append(b, 2, 1, 'A', 1, 'A', 1, 'B', 1, 'B')
	b = binary.LittleEndian.AppendUint32(b, 0) // no lexicon
	b = append(b, byte(len(dirs)))
	for _, ws := range dirs {
		b = binary.LittleEndian.AppendUint32(b, uint32(len(ws)))
		for _, w := range ws {
			b = binary.LittleEndian.AppendUint32(b, w.key)
		}
		for range ws {
			b = append(b, 1)
		}
		for _, w := range ws {
			b = append(b, w.class)
		}
		for _, w := range ws {
			b = binary.LittleEndian.AppendUint16(b, uint16(w.w))
		}
	}
	return b
}

// tagWords tags words with m.
func tagWords(m *Model, words []string) string {
	var st Tagging
	out := make([]byte, len(words))
	m.Tag(&st, len(words), func(i int, w *Word) { w.Set(words[i], words[i], true) }, func(i int, c uint8) {
		out[i] = m.Classes[c].XPOS[0]
	})
	return string(out)
}

func TestBidirectional(t *testing.T) {
	const A, B = 0, 1
	x := Word{}
	x.Set("x", "x", true)
	// Left to right, every token leans to A. Right to left, "x" is B,
	// and so is a token whose next token (its previous class in that
	// reading) is B.
	fwd := []weight{{mix(0, 0, 0), A, 1}}
	bwd := []weight{{mix(1, x.W, 0), B, 10}, {mix(10, B, 0), B, 5}}
	words := []string{"y", "y", "y", "x", "y"}
	tests := []struct {
		name string
		dirs [][]weight
		want string
	}{
		{"left to right", [][]weight{fwd}, "AAAAA"},
		{"both", [][]weight{fwd, bwd}, "BBBBA"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Decode(encodeTest(tt.dirs...))
			if err != nil {
				t.Fatal(err)
			}
			if m.Bidirectional() != (len(tt.dirs) == 2) {
				t.Errorf("Bidirectional() = %v with %d directions", m.Bidirectional(), len(tt.dirs))
			}
			if got := tagWords(m, words); got != tt.want {
				t.Errorf("tags %s, want %s", got, tt.want)
			}
		})
	}
}

func TestBlocks(t *testing.T) {
	// A run longer than Block is tagged as runs of Block tokens: the
	// right-to-left reading starts again at each block's end.
	const A, B = 0, 1
	x := Word{}
	x.Set("x", "x", true)
	m, err := Decode(encodeTest(
		[]weight{{mix(0, 0, 0), A, 1}},
		[]weight{{mix(1, x.W, 0), B, 10}, {mix(10, B, 0), B, 5}},
	))
	if err != nil {
		t.Fatal(err)
	}
	words := slices.Repeat([]string{"y"}, 2*Block+3)
	words[Block] = "x" // the first word of the second block
	got := tagWords(m, words)
	want := string(slices.Repeat([]byte{'A'}, Block)) + "B" + string(slices.Repeat([]byte{'A'}, Block+2))
	if got != want {
		t.Errorf("tags differ from runs of %d tokens", Block)
	}
	words[Block-1], words[Block] = "x", "y" // the last word of the first block
	got = tagWords(m, words)
	want = string(slices.Repeat([]byte{'B'}, Block)) + string(slices.Repeat([]byte{'A'}, Block+3))
	if got != want {
		t.Errorf("tags differ from runs of %d tokens", Block)
	}
}

func TestDecodeDirections(t *testing.T) {
	fwd := []weight{{mix(0, 0, 0), 0, 1}}
	for _, n := range []int{0, 3} {
		dirs := slices.Repeat([][]weight{fwd}, n)
		if _, err := Decode(encodeTest(dirs...)); err == nil {
			t.Errorf("%d directions: no error", n)
		}
	}
	b := encodeTest(fwd, fwd)
	if _, err := Decode(b[:len(b)-1]); err == nil {
		t.Error("a truncated second direction: no error")
	}
}
