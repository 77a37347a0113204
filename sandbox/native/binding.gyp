{
  "targets": [
    {
      "target_name": "tki_seccomp",
      "sources": ["tki_seccomp.c"],
      "cflags": ["-std=c11", "-Wall", "-Wextra", "-O2"]
    }
  ]
}
