package cli

import (
	"testing"
	"time"

	"sitrep/internal/ingest"
)

func TestRenderProgress(t *testing.T) {
	tests := []struct {
		p       ingest.Progress
		elapsed time.Duration
		want    string
	}{
		{ingest.Progress{Done: 10, Found: 25}, 2 * time.Second, "10 done, 25 found  5.0 reports/s"},
		{ingest.Progress{Done: 30, Found: 120, Walked: true}, 3 * time.Second,
			"[=======>                      ] 30/120  25%  10.0 reports/s  ETA 0:09"},
		{ingest.Progress{Done: 120, Found: 120, Walked: true}, 12 * time.Second,
			"[==============================] 120/120 100%  10.0 reports/s  ETA 0:00"},
		{ingest.Progress{Done: 0, Found: 5, Walked: true}, 0, "[>                             ] 0/5   0%  0.0 reports/s  ETA --:--"},
	}
	for _, tt := range tests {
		if got := renderProgress(tt.p, tt.elapsed); got != tt.want {
			t.Errorf("renderProgress(%+v, %v):\n got %q\nwant %q", tt.p, tt.elapsed, got, tt.want)
		}
	}
}
