"""Sources -> Documents: files, folders, stdin, HTML, JSONL (and more, see the modules)."""
