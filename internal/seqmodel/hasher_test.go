package seqmodel

// add adds the feature of template t with value a to h, as the span
// model's feature code does (Combine, with Explain the text).
func (h *Hasher) add(t uint8, a string) { h.addH(t, a, StrHash(a)) }

// addH adds the feature of template t with value a whose StrHash is ha.
func (h *Hasher) addH(t uint8, a string, ha uint32) {
	h.Seq.Feats = append(h.Seq.Feats, Combine(t, ha, 0))
	if h.Explain {
		h.Explained = append(h.Explained, Feature{T: t, A: a})
	}
}

// addH2 adds the feature of template t with values a and b whose
// StrHashes are ha and hb.
func (h *Hasher) addH2(t uint8, a string, ha uint32, b string, hb uint32) {
	h.Seq.Feats = append(h.Seq.Feats, Combine(t, ha, hb))
	if h.Explain {
		h.Explained = append(h.Explained, Feature{T: t, A: a, B: b})
	}
}
