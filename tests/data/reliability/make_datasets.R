# Writes the synthetic tidy data sets (subject,rater,value) that Algoscope's reliability
# statistics are checked on. Values are invented PPT-like readings in kPa (clearly synthetic,
# deterministic: fixed seeds); the two published data sets are typed in from their papers.
# Run: Rscript make_datasets.R   (writes *.csv here)

write_tidy <- function(wide, file) {
  rows <- expand.grid(s = seq_len(nrow(wide)), r = seq_len(ncol(wide)))
  rows <- rows[order(rows$s, rows$r), ]
  out <- data.frame(subject = rownames(wide)[rows$s], rater = colnames(wide)[rows$r],
                    value = wide[cbind(rows$s, rows$r)])
  out <- out[!is.na(out$value), ]
  write.csv(out, file, row.names = FALSE, quote = FALSE)
}

# Shrout & Fleiss (1979), Psychological Bulletin 86:420, Table 2: 6 targets x 4 judges.
sf <- matrix(c(9, 2, 5, 8,
               6, 1, 3, 2,
               8, 4, 6, 8,
               7, 1, 2, 6,
               10, 5, 6, 9,
               6, 2, 4, 7), ncol = 4, byrow = TRUE,
             dimnames = list(paste0("T", 1:6), paste0("J", 1:4)))
write_tidy(sf, "shrout_fleiss_1979.csv")

# Bland & Altman (1986), Lancet i:307, Table 1: first PEFR readings (l/min), 17 subjects,
# Wright peak flow meter and mini Wright meter.
wright <- c(494, 395, 516, 434, 476, 557, 413, 442, 650, 433, 417, 656, 267, 478, 178, 423, 427)
mini <- c(512, 430, 520, 428, 500, 600, 364, 380, 658, 445, 432, 626, 260, 477, 259, 350, 451)
ba <- cbind(wright = wright, mini = mini)
rownames(ba) <- sprintf("P%02d", 1:17)
write_tidy(ba, "bland_altman_1986_pefr.csv")

# Synthetic: test-retest of a PPT, 20 subjects, day 1 and day 2, retest 8 kPa higher.
set.seed(20261)
true_kpa <- 10^rnorm(20, log10(320), 0.15)
retest <- cbind(`1` = true_kpa + rnorm(20, 0, 30), `2` = true_kpa + 8 + rnorm(20, 0, 30))
rownames(retest) <- sprintf("S%03d", 1:20)
write_tidy(round(retest, 1), "synthetic_test_retest.csv")

# Synthetic: 15 subjects, 3 operators with systematic offsets (-20, 0, +25 kPa).
set.seed(20262)
true_kpa <- 10^rnorm(15, log10(400), 0.12)
three <- sapply(c(-20, 0, 25), function(offset) true_kpa + offset + rnorm(15, 0, 40))
colnames(three) <- c("anna", "ben", "chloe")
rownames(three) <- sprintf("S%03d", 1:15)
write_tidy(round(three, 1), "synthetic_three_operators.csv")

# Synthetic: no reliability, 10 subjects x 4 raters, error far larger than the true spread
# (negative ICC estimates and interval bounds).
set.seed(2)
true_kpa <- rnorm(10, 300, 5)
poor <- sapply(1:4, function(j) true_kpa + rnorm(10, 0, 45))
colnames(poor) <- paste0("R", 1:4)
rownames(poor) <- sprintf("S%03d", 1:10)
write_tidy(round(poor, 1), "synthetic_poor_agreement.csv")

# Synthetic: 12 subjects x 3 sessions with two missing cells (those subjects are dropped).
set.seed(20264)
true_kpa <- 10^rnorm(12, log10(250), 0.2)
gaps <- sapply(1:3, function(j) true_kpa + rnorm(12, 0, 25))
colnames(gaps) <- c("1", "2", "3")
rownames(gaps) <- sprintf("S%03d", 1:12)
gaps <- round(gaps, 1)
gaps["S004", "3"] <- NA
gaps["S009", "2"] <- NA
write_tidy(gaps, "synthetic_missing_cells.csv")
