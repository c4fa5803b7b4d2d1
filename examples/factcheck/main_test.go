package main

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

func TestReviewOfficialsClaim(t *testing.T) {
	data, err := os.ReadFile("../../testdata/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := review(&out, string(data), "the Venezuelan leader fears", "https://example.com/a"); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Type         string `json:"@type"`
		ItemReviewed struct {
			Type   string `json:"@type"`
			Author []struct {
				Name        string `json:"name"`
				Description string `json:"description"`
				Stance      string `json:"hearsay:stance"`
			} `json:"author"`
			Citation []struct {
				Name string `json:"name"`
			} `json:"citation"`
		} `json:"itemReviewed"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	item := got.ItemReviewed
	if got.Type != "ClaimReview" || item.Type != "Claim" {
		t.Errorf("types %q, %q", got.Type, item.Type)
	}
	if len(item.Author) != 1 || item.Author[0].Description != "Top U.S. officials" || item.Author[0].Name != "" || item.Author[0].Stance != "distancing" {
		t.Errorf("author %+v, want the officials, described and unnamed, distancing", item.Author)
	}
	if len(item.Citation) != 1 || item.Citation[0].Name != "Axios" {
		t.Errorf("citation %+v, want Axios", item.Citation)
	}
	if err := review(&out, string(data), "no such claim", "https://example.com/a"); err == nil {
		t.Error("a claim that is not in the text gave no error")
	}
}
