package server

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// buckets are the upper bounds, in seconds, of the latency histogram.
var buckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// metrics counts requests by route and status and keeps a latency
// histogram by route, for /metrics in the Prometheus text format.
type metrics struct {
	mu       sync.Mutex
	start    time.Time
	requests map[routeStatus]uint64
	latency  map[string]*histogram
}

type routeStatus struct {
	route  string
	status int
}

type histogram struct {
	counts []uint64 // per bucket, not cumulative; the last is +Inf
	sum    float64
	n      uint64
}

func newMetrics() *metrics {
	return &metrics{start: time.Now(), requests: map[routeStatus]uint64{}, latency: map[string]*histogram{}}
}

// observe records one request.
func (m *metrics) observe(route string, status int, d time.Duration) {
	sec := d.Seconds()
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[routeStatus{route, status}]++
	h := m.latency[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(buckets)+1)}
		m.latency[route] = h
	}
	i := sort.SearchFloat64s(buckets, sec) // first bound >= sec
	h.counts[i]++
	h.sum += sec
	h.n++
}

// write renders the metrics in the Prometheus text exposition format.
func (m *metrics) write(sb *strings.Builder) {
	m.mu.Lock()
	defer m.mu.Unlock()
	sb.WriteString("# HELP sitrep_http_requests_total HTTP requests by route pattern and status code.\n")
	sb.WriteString("# TYPE sitrep_http_requests_total counter\n")
	keys := make([]routeStatus, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].route != keys[j].route {
			return keys[i].route < keys[j].route
		}
		return keys[i].status < keys[j].status
	})
	for _, k := range keys {
		fmt.Fprintf(sb, "sitrep_http_requests_total{route=%s,code=\"%d\"} %d\n", label(k.route), k.status, m.requests[k])
	}
	sb.WriteString("# HELP sitrep_http_request_duration_seconds Time to answer HTTP requests by route pattern.\n")
	sb.WriteString("# TYPE sitrep_http_request_duration_seconds histogram\n")
	routes := make([]string, 0, len(m.latency))
	for r := range m.latency {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, r := range routes {
		h := m.latency[r]
		var cum uint64
		for i, b := range buckets {
			cum += h.counts[i]
			fmt.Fprintf(sb, "sitrep_http_request_duration_seconds_bucket{route=%s,le=\"%s\"} %d\n", label(r), strconv.FormatFloat(b, 'g', -1, 64), cum)
		}
		cum += h.counts[len(buckets)]
		fmt.Fprintf(sb, "sitrep_http_request_duration_seconds_bucket{route=%s,le=\"+Inf\"} %d\n", label(r), cum)
		fmt.Fprintf(sb, "sitrep_http_request_duration_seconds_sum{route=%s} %s\n", label(r), strconv.FormatFloat(h.sum, 'g', -1, 64))
		fmt.Fprintf(sb, "sitrep_http_request_duration_seconds_count{route=%s} %d\n", label(r), h.n)
	}
	sb.WriteString("# HELP sitrep_uptime_seconds Seconds since the server started.\n")
	sb.WriteString("# TYPE sitrep_uptime_seconds gauge\n")
	fmt.Fprintf(sb, "sitrep_uptime_seconds %s\n", strconv.FormatFloat(time.Since(m.start).Seconds(), 'f', 3, 64))
}

// label quotes a label value as the text format wants.
func label(v string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(v) + `"`
}

// serveMetrics answers /metrics.
func (s *Server) serveMetrics(w http.ResponseWriter, r *http.Request) error {
	var sb strings.Builder
	s.metrics.write(&sb)
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Write([]byte(sb.String()))
	return nil
}
