package azureopenai

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var oldAPIVersionRE = regexp.MustCompile(`\d{4}-\d{2}-\d{2}(?:-preview)?`)

// checkHelpers fails when a hand-written helper differs from the library call it replaces.
func checkHelpers(t *testing.T, s string) {
	t.Helper()
	if got, want := apiVersionFromName(s), oldAPIVersionRE.FindString(s); got != want {
		t.Errorf("apiVersionFromName(%q) = %q, want %q", s, got, want)
	}
	if got, want := lower(s), strings.ToLower(s); got != want {
		t.Errorf("lower(%q) = %q, want %q", s, got, want)
	}
	q, _ := url.ParseQuery(s)
	for _, name := range []string{"api-version", "a", ""} {
		if got, want := queryGet(s, name), q.Get(name); got != want {
			t.Errorf("queryGet(%q, %q) = %q, want %q", s, name, got, want)
		}
	}
}

var helperInputs = []string{
	"", "Azure OpenAI API version 2024-02-15-preview", "x 2024-02-1 2023-01-01-previe 2022-12-31",
	"1234-56-789", "12345-67-89-preview-preview", "2024-02-15-Preview", "ÄÖ 2024-02-15", "ABC/def/GHI",
	"/SUBSCRIPTIONS/11/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.COGNITIVESERVICES/ACCOUNTS/X",
	"api-version=2024-10-21", "a=1&api-version=2024&api-version=2025", "api%2Dversion=x%20y", "api-version=%zz&api-version=ok",
	"a;b=1&api-version=2", "api-version", "&&api-version=&", "api-version=a+b", "K\u212a", "İ",
}

func TestHelpersMatchLibrary(t *testing.T) {
	for _, s := range helperInputs {
		checkHelpers(t, s)
	}
}

func FuzzHelpersMatchLibrary(f *testing.F) {
	for _, s := range helperInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkHelpers(t, s) })
}
