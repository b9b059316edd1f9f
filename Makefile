# Developer targets. `make demo` builds the toolkit and runs its main job on the embedded
# defaults (local files, SQLite under build-demo/); `make dashboard` serves its live page;
# `make test` runs every test.
.PHONY: demo dashboard build test dist clean

DEMO := $(CURDIR)/build-demo
DEMO_ENV := XDG_CONFIG_HOME=$(DEMO)/config XDG_DATA_HOME=$(DEMO)/data XDG_STATE_HOME=$(DEMO)/state

build:
	./mvnw -B -q -DskipTests package

demo: build
	rm -rf $(DEMO) && mkdir -p $(DEMO)
	@echo "note: after a build the first commands start without the class-data archive; it is being trained in the background (low priority, under a minute), so later runs start faster"
	$(DEMO_ENV) bin/ai-lab create-project demo-service --template python --profile standard --dir $(DEMO) --defaults
	find $(DEMO)/demo-service -type f | sort
	$(DEMO_ENV) bin/ai-lab project register $(DEMO)/demo-service
	$(DEMO_ENV) bin/ai-lab work add "Write the first feature" --project demo-service --label demo
	$(DEMO_ENV) bin/ai-lab work list

# The live dashboard of the demo's store (Ctrl-C stops it).
dashboard:
	$(DEMO_ENV) bin/ai-lab dashboard serve --open

test:
	./mvnw -B verify

dist: build
	@ls -1 cli/target/ai-lab-toolkit-*.tar.gz

clean:
	./mvnw -B -q clean
	rm -rf $(DEMO)
