#!/bin/sh
# Rebuild the shipped English pipeline: convert -> stage 1 (tok2vec, tagger, morphologizer,
# lemmatizer, parser on UD train) -> stage 2 (NER on UNER dev, starting from the stage-1
# tok2vec) -> assemble, score on the test splits, write the package folder.
# Usage: sh training/en/train.sh   (from the repo root; SHARED, PY, UD_STEPS, NER_STEPS,
# NICE may be overridden in the environment)
set -eu
SHARED=${SHARED:-../shared}
PY=${PY:-.venv/bin/python}
UD_STEPS=${UD_STEPS:-6500}
NER_STEPS=${NER_STEPS:-1600}
NICE=${NICE:-10}
DIR=training/en
OUT=$DIR/output

$PY $DIR/convert.py --data "$SHARED/data" --out $DIR/corpus
# The NER trains on all of UNER dev (ner.cfg reads every .spacy file of this folder).
mkdir -p $DIR/corpus/ner-all
cp $DIR/corpus/ner-train.spacy $DIR/corpus/ner-dev.spacy $DIR/corpus/ner-all/
mkdir -p $OUT
start=$(date +%s)
echo "stage 1: UD components, $UD_STEPS steps (log: $OUT/ud.log)"
nice -n "$NICE" $PY -m spacy train $DIR/config.cfg --output $OUT/ud \
    --training.max_steps "$UD_STEPS" > $OUT/ud.log 2>&1 || { tail -20 $OUT/ud.log; exit 1; }
echo "stage 2: NER, $NER_STEPS steps (log: $OUT/ner.log)"
nice -n "$NICE" $PY -m spacy train $DIR/ner.cfg --output $OUT/ner \
    --paths.ud_model $OUT/ud/model-best \
    --training.max_steps "$NER_STEPS" > $OUT/ner.log 2>&1 || { tail -20 $OUT/ner.log; exit 1; }
echo "training took $(( $(date +%s) - start )) s"
$PY $DIR/package.py --ud $OUT/ud/model-best --ner $OUT/ner/model-last \
    --test $DIR/corpus/test.spacy --licence "$SHARED/data/ud-english-ewt/LICENSE.txt" \
    --out src/eventwire/models/en_eventwire
