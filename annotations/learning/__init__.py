"""Learning from reviewed articles: gold-annotated corpora in and out, the adopted extractor
versions the workers load, and the admin page that adopts or rolls them back. The learned
models themselves are plain NLP code in `annotations/nlp/learned/`."""
