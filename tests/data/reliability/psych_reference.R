# Expected values for Algoscope's reliability statistics, computed with R and psych 2.2.9
# (Debian 12: r-base-core, r-cran-psych). Tests compare against the committed output files;
# R is not needed to build or test Algoscope.
# Run: Rscript psych_reference.R   (writes psych_icc.csv, r_agreement.csv, r_f_distribution.csv)
suppressMessages(library(psych))
stopifnot(packageVersion("psych") == "2.2.9")
options(digits = 17)

datasets <- c("shrout_fleiss_1979", "bland_altman_1986_pefr", "synthetic_test_retest",
              "synthetic_three_operators", "synthetic_poor_agreement", "synthetic_missing_cells")

wide_of <- function(name) {
  tidy <- read.csv(paste0(name, ".csv"), colClasses = c("character", "character", "numeric"))
  raters <- unique(tidy$rater)
  subjects <- unique(tidy$subject)
  wide <- matrix(NA_real_, length(subjects), length(raters), dimnames = list(subjects, raters))
  wide[cbind(match(tidy$subject, subjects), match(tidy$rater, raters))] <- tidy$value
  wide[complete.cases(wide), , drop = FALSE]
}

forms <- c("ICC(1,1)", "ICC(2,1)", "ICC(3,1)", "ICC(1,k)", "ICC(2,k)", "ICC(3,k)")
icc_rows <- list()
agreement_rows <- list()
for (name in datasets) {
  x <- wide_of(name)
  n <- nrow(x); k <- ncol(x)
  # lmer = FALSE: the classical ANOVA (method-of-moments) path of psych::ICC, which Algoscope
  # implements; the default lmer = TRUE fits the same model by REML (see the end of this file).
  fit <- suppressMessages(suppressWarnings(ICC(x, lmer = FALSE)))
  res <- fit$results
  icc_rows[[name]] <- data.frame(dataset = name, form = forms, icc = res$ICC, f = res$F,
                                 df1 = res$df1, df2 = res$df2, p = res$p,
                                 ci_low = res$`lower bound`, ci_high = res$`upper bound`)
  # Mean squares as psych's ANOVA gives them.
  ms <- fit$stats["MS", ]
  msr <- ms[["subjects"]]; msc <- ms[["Judges"]]; mse <- ms[["Residual"]]
  msw <- (fit$stats["SumSq", "Judges"] + fit$stats["SumSq", "Residual"]) /
         (fit$stats["df", "Judges"] + fit$stats["df", "Residual"])
  # McGraw & Wong (1996) Table 7 interval of ICC(A,k), with a and b at the ICC(A,k) estimate
  # (as R's irr computes it; irr is not packaged for Debian 12, so written out here).
  rho <- res$ICC[5]
  a <- k * rho / (n * (1 - rho)); b <- 1 + k * rho * (n - 1) / (n * (1 - rho))
  v <- (a * msc + b * mse)^2 / ((a * msc)^2 / (k - 1) + (b * mse)^2 / ((n - 1) * (k - 1)))
  fu <- qf(0.975, n - 1, v); fl <- qf(0.975, v, n - 1)
  mw_low <- n * (msr - fu * mse) / (fu * (msc - mse) + n * msr)
  mw_high <- n * (fl * msr - mse) / (msc - mse + n * fl * msr)
  sd_all <- sd(as.vector(x))
  sem_mse <- sqrt(mse)
  sem_sd_icc21 <- sd_all * sqrt(1 - max(0, min(1, res$ICC[2])))
  row <- data.frame(dataset = name, n_subjects = n, n_raters = k,
                    msr = msr, msc = msc, mse = mse, msw = msw,
                    sem_sqrt_mse = sem_mse, mdc95_sqrt_mse = 1.96 * sqrt(2) * sem_mse,
                    sem_sd_icc21 = sem_sd_icc21, repeatability = 1.96 * sqrt(2) * sqrt(msw),
                    mw_icc2k_low = mw_low, mw_icc2k_high = mw_high,
                    ba_bias = NA, ba_sd = NA, ba_loa_low = NA, ba_loa_high = NA,
                    ba_bias_ci_low = NA, ba_bias_ci_high = NA,
                    ba_loa_low_ci_low = NA, ba_loa_low_ci_high = NA,
                    ba_loa_high_ci_low = NA, ba_loa_high_ci_high = NA)
  if (k == 2) {
    d <- x[, 1] - x[, 2]
    bias <- mean(d); s <- sd(d); t <- qt(0.975, n - 1)
    se_bias <- s / sqrt(n); se_limit <- sqrt(3 * s^2 / n)
    lo <- bias - 1.96 * s; hi <- bias + 1.96 * s
    row$ba_bias <- bias; row$ba_sd <- s; row$ba_loa_low <- lo; row$ba_loa_high <- hi
    row$ba_bias_ci_low <- bias - t * se_bias; row$ba_bias_ci_high <- bias + t * se_bias
    row$ba_loa_low_ci_low <- lo - t * se_limit; row$ba_loa_low_ci_high <- lo + t * se_limit
    row$ba_loa_high_ci_low <- hi - t * se_limit; row$ba_loa_high_ci_high <- hi + t * se_limit
  }
  agreement_rows[[name]] <- row
}
write.csv(do.call(rbind, icc_rows), "psych_icc.csv", row.names = FALSE)
write.csv(do.call(rbind, agreement_rows), "r_agreement.csv", row.names = FALSE)

# F and t quantiles and tails, including fractional (Satterthwaite) degrees of freedom.
grid <- expand.grid(p = c(0.001, 0.025, 0.5, 0.975, 0.999), df1 = c(1, 2.5, 5, 19, 120),
                    df2 = c(3, 7.25, 20, 200))
grid$q <- qf(grid$p, grid$df1, grid$df2)
grid$upper_tail_at_2 <- pf(2, grid$df1, grid$df2, lower.tail = FALSE)
grid$cdf_at_0_5 <- pf(0.5, grid$df1, grid$df2)
grid$t975 <- qt(0.975, grid$df2)
write.csv(grid, "r_f_distribution.csv", row.names = FALSE)

for (name in datasets) {
  cat("\n==", name, "==\n")
  print(icc_rows[[name]][, -1], digits = 10, row.names = FALSE)
}
cat("\n")
print(do.call(rbind, agreement_rows), digits = 10, row.names = FALSE)

# psych::ICC's default (lmer = TRUE, needs r-cran-lme4) estimates the variance components by
# REML. For complete data they equal the ANOVA ones unless an estimate would be negative (REML
# stops at zero). Printed for the record: the largest difference from the ANOVA path per set.
if (requireNamespace("lme4", quietly = TRUE)) {
  cat("\nmax |psych::ICC(x) - psych::ICC(x, lmer = FALSE)| (default REML path vs ANOVA path):\n")
  cat(sprintf("  %-28s %10s %10s %10s %10s\n", "data set", "ICC", "bounds", "F", "p"))
  for (name in datasets) {
    x <- wide_of(name)
    a <- suppressMessages(suppressWarnings(ICC(x, lmer = FALSE)))$results
    b <- suppressMessages(suppressWarnings(ICC(x)))$results
    d <- function(cols) max(abs(as.matrix(a[, cols]) - as.matrix(b[, cols])))
    cat(sprintf("  %-28s %10.3g %10.3g %10.3g %10.3g\n", name, d("ICC"),
                d(c("lower bound", "upper bound")), d("F"), d("p")))
  }
}
