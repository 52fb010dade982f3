"""Text stage: sentences, words, stems and datelines, each in one place."""
