package azureopenai

import (
	"strings"

	"github.com/genainorm/genainorm/genai"
)

// ResourceID is an Azure Resource Manager id split into its parts, lower-cased (Azure writes
// resource ids upper-cased in resource logs; Elastic lower-cases them).
type ResourceID struct {
	// ID is the whole id, lower-cased.
	ID string
	// Subscription is the subscription id (not always a GUID: keep it verbatim).
	Subscription string
	// Group is the resource group.
	Group string
	// Provider is the resource provider namespace and type, "microsoft.cognitiveservices/accounts".
	Provider string
	// Name is the resource name: the account or the API Management service.
	Name string
}

// ParseResourceID parses "/SUBSCRIPTIONS/{sub}/RESOURCEGROUPS/{rg}/PROVIDERS/{ns}/{type}/{name}"
// case-insensitively. Missing parts stay empty; ok is false when the id has no subscription.
func ParseResourceID(s string) (r ResourceID, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return r, false
	}
	r.ID = lower(s)
	parts := strings.Split(strings.Trim(r.ID, "/"), "/")
	for i := 0; i+1 < len(parts); i++ {
		switch parts[i] {
		case "subscriptions":
			if r.Subscription == "" {
				r.Subscription = parts[i+1]
			}
		case "resourcegroups":
			if r.Group == "" {
				r.Group = parts[i+1]
			}
		case "providers":
			rest := parts[i+1:]
			if len(rest) >= 3 {
				r.Provider = rest[0] + "/" + rest[1]
				r.Name = rest[2]
				// A child resource (".../accounts/a/projects/p") keeps the top-level name.
			} else if len(rest) == 2 {
				r.Provider = rest[0] + "/" + rest[1]
			}
			i = len(parts)
		}
	}
	return r, r.Subscription != ""
}

// apply writes the resource id into the vendor tree and cloud.account.id.
func (r ResourceID) apply(ev *genai.Event) {
	ev.SetVendor(genai.AzureResourceID, genai.StringValue(r.ID))
	ev.SetVendor(genai.AzureResourceName, genai.StringValue(r.Name))
	ev.SetVendor(genai.AzureResourceGroup, genai.StringValue(r.Group))
	ev.SetVendor(genai.AzureResourceProvider, genai.StringValue(r.Provider))
	ev.SetVendor(genai.AzureSubscriptionID, genai.StringValue(r.Subscription))
	if r.Subscription != "" {
		ev.Cloud.AccountID = r.Subscription
	}
}
