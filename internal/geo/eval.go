package geo

import (
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"sitrep/internal/model"
)

// maxErrorKm is half the Earth's circumference: the error of a toponym
// recognised but not resolved, and the scale of the AUC.
const maxErrorKm = 20039

// accuracyKm is the customary tolerance of geoparsing accuracy (100 miles).
const accuracyKm = 161

// EvalResult holds the figures of a geoparsing evaluation on a corpus in the
// LGL / TR-News XML format.
type EvalResult struct {
	// Documents is the number of articles.
	Documents int
	// Gold is the number of gold toponyms; GoldLocated of them carry
	// coordinates (the others are streets and buildings the annotators
	// could not place).
	Gold, GoldLocated int
	// Predicted is the number of mentions Recognize returned (places and
	// nationalities: both corpora annotate demonyms as toponyms).
	Predicted int
	// Matched is the number of predicted mentions that overlap a gold
	// toponym (each gold and each prediction used once).
	Matched int
	// Precision, Recall and F1 of recognition by span overlap.
	Precision, Recall, F1 float64
	// Recognised is the number of located gold toponyms that a prediction
	// overlaps.
	Recognised int
	// Accuracy161 is the share of located gold toponyms recognised and
	// resolved within 161 km (end to end).
	Accuracy161 float64
	// Accuracy161Recognised is the same share over the recognised ones
	// only (resolution alone).
	Accuracy161Recognised float64
	// ExactID is the share of recognised gold toponyms with a GeoNames id
	// whose resolved id is the same. Admin units and countries carry no id
	// in this gazetteer, so ExactIDPlaces gives the share over populated
	// places (feature class P) alone.
	ExactID, ExactIDPlaces float64
	// MeanKm and MedianKm are the error over recognised toponyms (an
	// unresolved one counts maxErrorKm).
	MeanKm, MedianKm float64
	// AUC is the area under the curve of sorted log errors, normalised to
	// [0, 1], lower is better (Gritta et al., 2018).
	AUC float64
	// Seconds is the time spent in Recognize and Resolve, and
	// DocsPerSecond the resulting speed.
	Seconds, DocsPerSecond float64
	// Misses lists the recognised toponyms resolved more than 161 km
	// away, or not at all.
	Misses []EvalMiss
}

// EvalMiss is a recognised gold toponym resolved too far away.
type EvalMiss struct {
	Doc, Phrase string
	Class       string // the gold's GeoNames feature class
	Lat, Lon    float64
	Got         *model.Place // nil when unresolved
	Km          float64
}

type evalCorpus struct {
	Articles []struct {
		ID       string `xml:"docid,attr"`
		Text     string `xml:"text"`
		Toponyms []struct {
			Start  int    `xml:"start"`
			End    int    `xml:"end"`
			Phrase string `xml:"phrase"`
			Gaztag *struct {
				ID     int      `xml:"geonameid,attr"`
				FClass string   `xml:"fclass"`
				Lat    *float64 `xml:"lat"`
				Lon    *float64 `xml:"lon"`
			} `xml:"gaztag"`
		} `xml:"toponyms>toponym"`
	} `xml:"article"`
}

// EvaluateFile runs Evaluate on the XML file at path.
func (g *Gazetteer) EvaluateFile(path string) (*EvalResult, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("evaluate geoparsing: %w", err)
	}
	defer f.Close()
	res, err := g.Evaluate(f)
	if err != nil {
		return nil, fmt.Errorf("evaluate %s: %w", path, err)
	}
	return res, nil
}

// Evaluate reads a geoparsing corpus in the LGL / TR-News XML format
// (articles with text and toponyms: character offsets, GeoNames id,
// coordinates), runs Recognize and Resolve on each text and scores them.
// The corpus is used for measurement only.
func (g *Gazetteer) Evaluate(r io.Reader) (*EvalResult, error) {
	var c evalCorpus
	if err := xml.NewDecoder(r).Decode(&c); err != nil {
		return nil, fmt.Errorf("parse corpus: %w", err)
	}
	res := &EvalResult{Documents: len(c.Articles)}
	var errs []float64
	within, exact, withID, exactP, withP := 0, 0, 0, 0, 0
	var elapsed time.Duration
	for _, a := range c.Articles {
		text := a.Text
		t0 := time.Now()
		ms := g.Recognize(text)
		places := g.Resolve(text, ms)
		elapsed += time.Since(t0)
		res.Predicted += len(ms)

		byteAt := runeOffsets(text)
		type gold struct {
			start, end int
			lat, lon   float64
			located    bool
			id         int
			place      bool // feature class P
			phrase     string
			class      string
		}
		golds := make([]gold, 0, len(a.Toponyms))
		for _, t := range a.Toponyms {
			if t.Start < 0 || t.End > len(byteAt)-1 || t.Start >= t.End {
				continue
			}
			gd := gold{start: byteAt[t.Start], end: byteAt[t.End]}
			if t.Gaztag != nil && t.Gaztag.Lat != nil && t.Gaztag.Lon != nil {
				gd.located, gd.lat, gd.lon, gd.id = true, *t.Gaztag.Lat, *t.Gaztag.Lon, t.Gaztag.ID
				gd.place = strings.TrimSpace(t.Gaztag.FClass) == "P"
				gd.class = strings.TrimSpace(t.Gaztag.FClass)
			}
			gd.phrase = t.Phrase
			golds = append(golds, gd)
		}
		sort.SliceStable(golds, func(i, j int) bool { return golds[i].start < golds[j].start })
		res.Gold += len(golds)
		used := make([]bool, len(ms))
		for _, gd := range golds {
			if gd.located {
				res.GoldLocated++
			}
			hit := -1
			for k, m := range ms {
				if !used[k] && m.Start < gd.end && gd.start < m.End {
					hit = k
					break
				}
			}
			if hit < 0 {
				continue
			}
			used[hit] = true
			res.Matched++
			if !gd.located {
				continue
			}
			res.Recognised++
			e := float64(maxErrorKm)
			if p := places[hit]; p != nil {
				e = haversine(gd.lat, gd.lon, p.Lat, p.Lon)
				if gd.id != 0 && p.GeonameID != nil && *p.GeonameID == gd.id {
					exact++
					if gd.place {
						exactP++
					}
				}
			}
			if gd.id != 0 {
				withID++
				if gd.place {
					withP++
				}
			}
			if e <= accuracyKm {
				within++
			} else {
				res.Misses = append(res.Misses, EvalMiss{Doc: a.ID, Phrase: gd.phrase, Class: gd.class,
					Lat: gd.lat, Lon: gd.lon, Got: places[hit], Km: e})
			}
			errs = append(errs, e)
		}
	}
	res.Seconds = elapsed.Seconds()
	if res.Seconds > 0 {
		res.DocsPerSecond = float64(res.Documents) / res.Seconds
	}
	res.Precision = ratio(res.Matched, res.Predicted)
	res.Recall = ratio(res.Matched, res.Gold)
	if res.Precision+res.Recall > 0 {
		res.F1 = 2 * res.Precision * res.Recall / (res.Precision + res.Recall)
	}
	res.Accuracy161 = ratio(within, res.GoldLocated)
	res.Accuracy161Recognised = ratio(within, res.Recognised)
	res.ExactID = ratio(exact, withID)
	res.ExactIDPlaces = ratio(exactP, withP)
	if len(errs) > 0 {
		sort.Float64s(errs)
		sum := 0.0
		for _, e := range errs {
			sum += e
		}
		res.MeanKm = sum / float64(len(errs))
		n := len(errs)
		if n%2 == 1 {
			res.MedianKm = errs[n/2]
		} else {
			res.MedianKm = (errs[n/2-1] + errs[n/2]) / 2
		}
		res.AUC = logErrorAUC(errs)
	}
	return res, nil
}

// logErrorAUC is the area under the sorted log(1+error) curve by the
// trapezoidal rule, divided by its largest possible value.
func logErrorAUC(sorted []float64) float64 {
	if len(sorted) < 2 {
		if len(sorted) == 1 {
			return math.Log(sorted[0]+1) / math.Log(maxErrorKm)
		}
		return 0
	}
	area := 0.0
	prev := math.Log(sorted[0] + 1)
	for _, e := range sorted[1:] {
		cur := math.Log(e + 1)
		area += (prev + cur) / 2
		prev = cur
	}
	return area / (float64(len(sorted)-1) * math.Log(maxErrorKm))
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// runeOffsets maps character (code point) offsets of text to byte
// offsets; the last element is len(text).
func runeOffsets(text string) []int {
	out := make([]int, 0, utf8.RuneCountInString(text)+1)
	for i := range text {
		out = append(out, i)
	}
	return append(out, len(text))
}

// String formats the result as a short report.
func (r *EvalResult) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "documents            %d\n", r.Documents)
	fmt.Fprintf(&b, "gold toponyms        %d (%d located)\n", r.Gold, r.GoldLocated)
	fmt.Fprintf(&b, "predicted mentions   %d (%d match gold)\n", r.Predicted, r.Matched)
	fmt.Fprintf(&b, "recognition P/R/F1   %.3f / %.3f / %.3f\n", r.Precision, r.Recall, r.F1)
	fmt.Fprintf(&b, "acc@161km end-to-end %.3f\n", r.Accuracy161)
	fmt.Fprintf(&b, "acc@161km recognised %.3f (%d toponyms)\n", r.Accuracy161Recognised, r.Recognised)
	fmt.Fprintf(&b, "exact geonameid      %.3f (populated places %.3f)\n", r.ExactID, r.ExactIDPlaces)
	fmt.Fprintf(&b, "error km mean/median %.0f / %.1f\n", r.MeanKm, r.MedianKm)
	fmt.Fprintf(&b, "AUC of log error     %.3f\n", r.AUC)
	fmt.Fprintf(&b, "speed                %.0f documents/s (%.2f s)\n", r.DocsPerSecond, r.Seconds)
	return b.String()
}
