# make ab's plot: both variants over the load, from Prometheus' range queries of the recording rules
# (rate.tsv, errors.tsv, p99.tsv: seconds since the fault started, stable's value, canary's value).
set terminal pngcairo size 900,720 font "DejaVu Sans,10"
set output "ab.png"
set datafile separator "\t"
set datafile missing "?"
set multiplot layout 3,1 title "Juliet ".stable." (stable) against ".canary." (canary), as Prometheus' recording rules saw them"
set xlabel "seconds since the fault started"
set key outside right top
set grid
set ylabel "greetings / s"
plot "rate.tsv" using 1:2 with lines lw 2 title stable, "" using 1:3 with lines lw 2 title canary
set ylabel "error ratio"
set yrange [0:*]
plot "errors.tsv" using 1:2 with lines lw 2 title stable, "" using 1:3 with lines lw 2 title canary
set ylabel "p99 (s)"
plot "p99.tsv" using 1:2 with lines lw 2 title stable, "" using 1:3 with lines lw 2 title canary
unset multiplot
