# article explorer — see README.md. The two commands people need: make run, make test.
GO      ?= go
BIN     := $(CURDIR)/.bin
SHARED  ?= ../shared
WASM    := web/app.wasm
ADDR    ?= localhost:8000
FUZZTIME ?= 12s

# Recipes run in bash with pipefail: a failing command before a pipe fails
# the target.
SHELL       := /bin/bash
.SHELLFLAGS := -o pipefail -c

.PHONY: run test build wasm explorer unit e2e fuzz vet chromium eval bench model pgo static clean

## run: build the wasm client and the server, then serve the app on $(ADDR)
run: build
	$(BIN)/explorer serve -addr $(ADDR)

build: wasm explorer

# The wasm client is built without inlining outside the engine's two
# taggers: that keeps app.wasm ~0.17 MB smaller gzipped (the budget is
# 2.5 MB), while the attribution labeller and the NER tagger, where most of
# the time goes, keep their inlining. It is built without the native
# binary's profile (cmd/explorer/default.pgo, see pgo), whose inlining
# would grow it.
WASMFLAGS := -trimpath -ldflags='-s -w' -pgo=off -gcflags=all=-l -gcflags=github.com/article-explorer/explorer/analysis/attribution= -gcflags=github.com/article-explorer/explorer/analysis/ner=

wasm:
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -o $(WASM) ./cmd/explorer
	$(GO) run ./cmd/build -compress $(WASM)

explorer:
	$(GO) build -trimpath -o $(BIN)/explorer ./cmd/explorer

## test: every test — vet, unit and component tests, fuzzing, real-browser end-to-end
test: vet unit fuzz e2e

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { gofmt -l .; echo "gofmt: files above need formatting"; exit 1; }
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./analysis/... ./app/... ./components/... ./cmd/explorer

# unit and e2e print the output of failed and skipped tests and a count of
# passed, failed and skipped ones (scripts/testsummary.sh).
unit:
	$(GO) test -count=1 -v $$($(GO) list ./... | grep -v /e2e) 2>&1 | scripts/testsummary.sh unit

## fuzz: every fuzz target for $(FUZZTIME); fails below 1,000 executions
fuzz:
	@FUZZTIME=$(FUZZTIME) FUZZMINIMIZE=1s MINEXECS=1000 scripts/fuzz.sh $(GO)

e2e: build chromium
	E2E_REQUIRED=1 $(GO) test -count=1 -v -run='^TestE2E' ./e2e 2>&1 | scripts/testsummary.sh e2e

chromium:
	@command -v chromium >/dev/null 2>&1 || { (apt-get update && apt-get install -y --no-install-recommends chromium) || { echo "make: could not install chromium; as root run: apt-get install -y --no-install-recommends chromium"; exit 1; }; }

## eval: the quality figures from $(SHARED)/eval (benchmarks, not pass/fail)
eval: explorer
	@scripts/eval.sh "$(SHARED)" "$(BIN)"

## bench: speed and size figures (benchmarks, not pass/fail)
bench: build chromium
	$(GO) test -pgo=cmd/explorer/default.pgo -run='^$$' -bench=. -benchmem ./analysis/... ./importer/...
	@scripts/sizes.sh $(WASM)
	@echo "== in the browser (headless chromium, loopback)"
	@mkdir -p $(BIN)
	@E2E_REQUIRED=1 $(GO) test -count=1 -v -run '^TestE2E(Timings|LongText|Models)$$' ./e2e > $(BIN)/bench-e2e.log 2>&1 || { cat $(BIN)/bench-e2e.log; echo "make bench: a browser test failed"; exit 1; }
	@grep -E 'first visit|offline reload|seed analysis|warm-up|190,000|English analysis|Dutch analysis|model files' $(BIN)/bench-e2e.log
	@scripts/bench-paint.sh "$(GO)"

## model: retrain every model (Dutch NER from CoNLL-2002, English attribution
## from PolNeAR) bit for bit, printing the figures reached; CV=1 adds a 5-fold
## cross-validation of the English pipeline on PolNeAR train
model:
	$(GO) run ./cmd/model -data $(SHARED)/data/conll2002 -polnear $(SHARED)/data/polnear $(if $(CV),-cv)

## pgo: rewrite cmd/explorer/default.pgo, the CPU profile that the native
## binary is built with (profile-guided optimisation), from the analysis
## benchmarks: the seed article, 0.5 and 10 MB of Dutch and, with
## $(SHARED) beside the repo, 10,000 words of PolNeAR English
pgo:
	@mkdir -p $(BIN)
	$(GO) test -run='^$$' -bench='^BenchmarkAnalyze(Seed|PolNeAR10k|Linear)$$' -benchtime=3s -cpuprofile $(BIN)/pgo.prof -o $(BIN)/pgo.test ./analysis
	cp $(BIN)/pgo.prof cmd/explorer/default.pgo

## static: export a static site to dist/ (BASE=/repo/ for a sub-path host)
static: wasm
	$(GO) run ./cmd/build -out dist -base "$(BASE)"

clean:
	rm -rf $(BIN) $(WASM) $(WASM).gz $(WASM).br dist
