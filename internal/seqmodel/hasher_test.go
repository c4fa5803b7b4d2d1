package seqmodel

// add adds the feature of template t with value a to h, as the span
// model's feature code does (Combine of StrHash).
func (h *Hasher) add(t uint8, a string) { h.addH(t, StrHash(a)) }

// addH adds the feature of template t with a value whose StrHash is ha.
func (h *Hasher) addH(t uint8, ha uint32) {
	h.Seq.Feats = append(h.Seq.Feats, Combine(t, ha, 0))
}

// addH2 adds the feature of template t with values whose StrHashes are
// ha and hb.
func (h *Hasher) addH2(t uint8, ha, hb uint32) {
	h.Seq.Feats = append(h.Seq.Feats, Combine(t, ha, hb))
}
