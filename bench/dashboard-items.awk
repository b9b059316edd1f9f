# 10,000 work items as `ai-lab work import` reads them, for the dashboard's benchmarks.
BEGIN {
  split("low normal high urgent", pri, " "); split("todo doing blocked done", st, " ");
  print "[";
  for (i = 1; i <= 10000; i++) {
    printf "{\"title\": \"Dashboard item %d: tidy the module and write its tests\", \"project\": \"p%d\", \"priority\": \"%s\", \"status\": \"%s\", \"labels\": [\"l%d\", \"bench\"]}%s\n",
      i, i % 12, pri[i % 4 + 1], st[i % 4 + 1], i % 7, (i < 10000 ? "," : "");
  }
  print "]";
}
