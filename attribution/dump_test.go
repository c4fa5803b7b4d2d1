package attribution
import ("os";"testing")
func TestDump(t *testing.T){ b,_:=os.ReadFile("../testdata/article.txt"); s:=string(b); var x Extractor
for i,f:=range x.Extract(s,nil){ var cs []string; for _,c:=range f.Content{cs=append(cs,c.Text(s))}; t.Logf("%d %s | src=%q ant=%q %v/%v aff=%q | cue=%q %s %v | to=%q | %v via=%d | %q", i,f.Rule,f.Source.Text(s),f.Antecedent.Text(s),f.Kind,f.Anonymity,f.Affiliation,f.Cue.Text(s),f.Lemma,f.Stance,f.Addressee.Text(s),f.Form,f.Via,cs)}}
