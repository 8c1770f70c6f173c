package azureopenai

import "bytes"

// keyScan finds many quoted keys (strings that start with '"') in one pass: every match
// of a key starts at a quote, so the scan visits each quote once and compares only the keys
// whose second byte follows it. A key may require a member value: key `"object":`, value
// `"list"` matches where "object": is followed by optional blanks and `"list"`.
type keyScan struct {
	keys     []keyValue
	bySecond [256][]uint8 // indexes into keys, by the key's second byte
}

type keyValue struct {
	key, value string
}

// newKeyScan returns a keyScan for at most 64 keys, each at least 2 bytes long and starting
// with '"'.
func newKeyScan(keys ...keyValue) *keyScan {
	k := &keyScan{keys: keys}
	for i, kv := range keys {
		if len(keys) > 64 || len(kv.key) < 2 || kv.key[0] != '"' {
			panic("azureopenai: bad keyScan key " + kv.key)
		}
		k.bySecond[kv.key[1]] = append(k.bySecond[kv.key[1]], uint8(i))
	}
	return k
}

// scan returns the set of keys found in data, bit i for keys[i]. It stops early once done
// reports true for the set found so far.
func (k *keyScan) scan(data []byte, done func(found uint64) bool) uint64 {
	var found uint64
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '"')
		if j < 0 || i+j+1 >= len(data) {
			return found
		}
		at := i + j
		i = at + 1
		for _, idx := range k.bySecond[data[at+1]] {
			kv := &k.keys[idx]
			bit := uint64(1) << idx
			if found&bit != 0 || !bytes.HasPrefix(data[at:], []byte(kv.key)) {
				continue
			}
			if kv.value != "" {
				rest := bytes.TrimLeft(data[at+len(kv.key):], " \t")
				if !bytes.HasPrefix(rest, []byte(kv.value)) {
					continue
				}
			}
			found |= bit
			if done != nil && done(found) {
				return found
			}
		}
	}
}

// keys is a shorthand for keyValues without member values.
func keys(ks ...string) []keyValue {
	out := make([]keyValue, len(ks))
	for i, k := range ks {
		out[i].key = k
	}
	return out
}
