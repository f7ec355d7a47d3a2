#!/bin/sh
# Instructions per text round of the five seeds (callgrind: load-independent). From the repo root.
export PYTHONPATH=$PWD PYTHONHASHSEED=0
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null .venv/bin/python bench/seed_rounds.py "$1" 2>&1 |
        sed -n 's/.*Collected : *//p'
}
warm=$(count 0)
three=$(count 3)
echo "instructions per text round: $(((three - warm) / 3 / 1000000)) M"
