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
func scanWordASCII(text string, j int) (int, uint8) {
	var wb uint8
	for j+8 <= len(text) {
		v := load8(text, j)
		ascii := ^v & swarHi
		lower := inRange(v, 'a', 'z') & ascii
		upper := inRange(v, 'A', 'Z') & ascii
		digit := inRange(v, '0', '9') & ascii
		word := lower | upper | digit
		k := bits.TrailingZeros64(^word&swarHi) >> 3 // bytes in the word; 8 if all
		keep := ^uint64(0)
		if k < 8 {
			keep = uint64(1)<<(8*uint(k)) - 1
		}
		if lower&keep != 0 {
			wb |= wbLower
		}
		if upper&keep != 0 {
			wb |= wbUpper
		}
		if digit&keep != 0 {
			wb |= wbDigit
		}
		j += k
		if k < 8 {
			return j, wb
		}
	}
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

// sentSpecial8 returns the high bit of each byte of v that the sentence
// scanner must look at (see sentSpecial) or that starts or continues a
// non-ASCII rune. Bytes after the first flagged one may be wrong.
func sentSpecial8(v uint64) uint64 {
	high := v & swarHi
	ascii := ^v & swarHi
	m := inRange(v, '\n', '\r') | inRange(v, '!', '!') | inRange(v, '.', '.') | inRange(v, '?', '?')
	return m&ascii | high
}
