package probe

import (
	"encoding/json"
	"testing"
	"time"
)

func TestMonotonicMsReadsTheMonotonicClock(t *testing.T) {
	a := time.Now()
	time.Sleep(30 * time.Millisecond)
	b := time.Now()
	ma, err := MonotonicMs(a)
	if err != nil {
		t.Fatal(err)
	}
	mb, err := MonotonicMs(b)
	if err != nil {
		t.Fatal(err)
	}
	if d := mb - ma - float64(b.Sub(a))/1e6; d > 0.001 || d < -0.001 {
		t.Errorf("monotonic readings differ by %.6f ms from Sub", d)
	}
	if _, err := MonotonicMs(a.Round(0)); err == nil {
		t.Error("a time without a monotonic reading was accepted")
	}
}

func TestSampleLineHasTheSchemaFields(t *testing.T) {
	line := newSampler().appendJSON(nil, 12.3456)
	var m map[string]interface{}
	if err := json.Unmarshal(line, &m); err != nil {
		t.Fatalf("%s: %v", line, err)
	}
	if m["tMs"] != 12.346 {
		t.Errorf("tMs = %v, want 12.346", m["tMs"])
	}
	if len(m) != 1+len(Fields) {
		t.Errorf("%d keys, want %d: %s", len(m), 1+len(Fields), line)
	}
	for _, f := range Fields {
		if _, ok := m[f.JSON]; !ok {
			t.Errorf("no %s in %s", f.JSON, line)
		}
	}
	if g, ok := m["goroutines"].(float64); !ok || g < 1 {
		t.Errorf("goroutines = %v", m["goroutines"])
	}
}
