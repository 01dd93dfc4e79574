package probe

import (
	"encoding/json"
	"os"
	"runtime/metrics"
	"strconv"
)

// sampler reads the metrics in Fields, skipping those the runtime lacks.
type sampler struct {
	samples []metrics.Sample // only the metrics this runtime has
	index   []int            // for each field, its position in samples or -1
	missing []string
}

func newSampler() *sampler {
	have := map[string]bool{}
	for _, d := range metrics.All() {
		have[d.Name] = true
	}
	s := &sampler{}
	for _, f := range Fields {
		if !have[f.Metric] {
			s.index = append(s.index, -1)
			s.missing = append(s.missing, f.Metric)
			continue
		}
		s.index = append(s.index, len(s.samples))
		s.samples = append(s.samples, metrics.Sample{Name: f.Metric})
	}
	return s
}

// appendJSON reads the metrics and appends one line of metrics.jsonl.
// It builds the line by hand so that sampling allocates next to nothing.
func (s *sampler) appendJSON(b []byte, tMs float64) []byte {
	metrics.Read(s.samples)
	b = append(b, `{"tMs":`...)
	b = strconv.AppendFloat(b, tMs, 'f', 3, 64)
	for i, f := range Fields {
		b = append(b, ',', '"')
		b = append(b, f.JSON...)
		b = append(b, '"', ':')
		j := s.index[i]
		if j < 0 || s.samples[j].Value.Kind() != metrics.KindUint64 {
			b = append(b, "null"...)
			continue
		}
		b = strconv.AppendUint(b, s.samples[j].Value.Uint64(), 10)
	}
	return append(b, '}', '\n')
}

func writeJSON(path string, v interface{}) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}
