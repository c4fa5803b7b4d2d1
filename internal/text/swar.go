package text

import "math/bits"

// SWAR (SIMD within a register) scanning of ASCII word bytes, eight at a
// time: the end of a word is found without a branch per byte.

const (
	swarLo = 0x0101010101010101
	swarHi = 0x8080808080808080
)

// inRange returns the high bit of each byte of v (all ASCII) that lies in
// [lo, hi].
func inRange(v uint64, lo, hi byte) uint64 {
	ge := v + swarLo*uint64(0x80-lo)
	gt := v + swarLo*uint64(0x7F-hi)
	return ge &^ gt & swarHi
}

// load8 reads the eight bytes of s at i, little-endian.
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// scanWordASCII returns the end of the run of ASCII letters and digits
// that starts at j, and the union of the wordBits of its bytes.
//
// Eight bytes a step: a letter is a byte whose lower case (bit 0x20 set)
// lies in 'a'-'z', upper case when it had that bit clear. The classes of
// the bytes before the first non-word byte are gathered in acc (wbLower,
// wbUpper and wbDigit in the low bits of each byte) and folded into one
// byte at the end, with no branch per class.
func scanWordASCII(text string, j int) (int, uint8) {
	var acc uint64
	for j+8 <= len(text) {
		v := load8(text, j)
		ascii := ^v & swarHi
		alpha := inRange(v|swarLo*0x20, 'a', 'z') & ascii
		digit := inRange(v, '0', '9') & ascii
		upper := alpha &^ (v << 2) // bit 0x20 moved to the high bit
		lower := alpha ^ upper
		stop := ^(alpha | digit) & swarHi // the non-word bytes
		keep := stop&-stop - 1            // the bytes before the first; all if none
		acc |= (lower>>7 | upper>>6 | digit>>5) & keep
		if stop != 0 {
			return j + bits.TrailingZeros64(stop)>>3, foldClasses(acc)
		}
		j += 8
	}
	wb := foldClasses(acc)
	for j < len(text) {
		b := wordBits[text[j]]
		if b == 0 {
			break
		}
		wb |= b
		j++
	}
	return j, wb
}

// foldClasses ORs the eight bytes of acc, each holding class bits of
// scanWordASCII, into one.
func foldClasses(acc uint64) uint8 {
	acc |= acc >> 32
	acc |= acc >> 16
	acc |= acc >> 8
	return uint8(acc)
}

// sentSpecial8 returns the high bit of each byte of v that the sentence
// scanner must look at (see sentSpecial) or that starts or continues a
// non-ASCII rune. Bytes after the first flagged one may be wrong.
func sentSpecial8(v uint64) uint64 {
	high := v & swarHi
	ascii := ^v & swarHi
	m := inRange(v, '\n', '\r') | inRange(v, '!', '!') | inRange(v, '.', '.') | inRange(v, '?', '?')
	return m&ascii | high
}
