package main

// streamAbove is the length of text above which -format json and jsonl
// write a document through Document.WriteJSON, value by value, instead
// of holding its whole encoding (5 to 6 times the text) from
// Document.MarshalJSON.
var streamAbove = 1 << 20
