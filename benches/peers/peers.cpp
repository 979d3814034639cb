// The C++ side of benches/peers.rs: the same cases, computed with Ceres Solver's ceres::Jet and
// Boost.Math's autodiff fvar, plus hand-written derivatives, timed the same way and printed in
// the same format (see README.md beside this file).
//
// Build (run.sh does this):
//   g++ -std=c++17 -O3 [-march=native] -I/usr/include/eigen3 peers.cpp -o peers-cpp
// Run:
//   peers-cpp [--machine] [--rounds R] [--batch-ms M] [case-name-substring...]
//
// Timing: for each method a batch of K calls sized to about 2 ms, then R rounds (30), each
// timing one batch of every method in turn; the figure is the median over the rounds of the
// time per call. Inputs go through `opaque` and results through `consume` (the equivalents of
// Rust's std::hint::black_box). Every method is checked first against the hand-written
// derivative, |d - ref| / max(|ref|, 1) <= 1e-8, and the hand-written derivative against central
// differences; a disagreement aborts.
//
// Each library gets its fastest natural formulation: every function is written as an index loop
// and with std::inner_product/std::accumulate, constants enter as plain doubles (`x * 100.0`,
// Ceres' and Boost's documented style), and the merged table keeps the faster, naming it.

#include <ceres/jet.h>

#include <algorithm>
#include <array>
#include <boost/math/differentiation/autodiff.hpp>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <numeric>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace {

using boost::math::differentiation::make_ftuple;
using boost::math::differentiation::make_fvar;
template <std::size_t Order>
using Fvar = boost::math::differentiation::autodiff_fvar<double, Order>;
template <int N>
using Jet = ceres::Jet<double, N>;
template <int N>
using Jet2 = ceres::Jet<Jet<N>, N>;

constexpr double kTol = 1e-8;

// --- Keeping the optimiser honest ------------------------------------------------------------

// Forces `v` into memory and tells the compiler that memory may have been read and written, so
// the computation of `v` cannot be dropped and inputs read afterwards cannot be folded.
template <class T>
inline void consume(T const& v) {
  asm volatile("" : : "r"(&v) : "memory");
}

// Returns `v` through a round trip the compiler cannot see through.
template <class T>
inline T opaque(T v) {
  asm volatile("" : "+m"(v) : : "memory");
  return v;
}

// The argument, laundered through `opaque`: a container whose contents must be read afresh.
template <class T>
inline T& in(T& v) {
  return *opaque(&v);
}

// --- The functions ---------------------------------------------------------------------------

// 1. scalar: f(x) = e^(sin x)/sqrt(1 + x^2) + ln(1 + x) * atan x.
constexpr double kScalarX = 0.7;

template <class T>
T scalar_f(T const& x) {
  using std::atan;
  using std::exp;
  using std::log;
  using std::sin;
  using std::sqrt;
  return exp(sin(x)) / sqrt(1.0 + x * x) + log(1.0 + x) * atan(x);
}

// f and f' by hand: f' = e^(sin x) (cos x / r - x / r^3) + atan x / (1 + x) + ln(1 + x) / r^2.
std::pair<double, double> scalar_hand(double x) {
  double const s = std::sin(x), c = std::cos(x);
  double const e = std::exp(s);
  double const q = 1.0 + x * x;
  double const r = std::sqrt(q);
  double const l = std::log(1.0 + x);
  double const at = std::atan(x);
  return {e / r + l * at, e * (c / r - x / (q * r)) + at / (1.0 + x) + l / q};
}

// 2, 3. The extended Rosenbrock function sum (x_i - 1)^2 + 100 (x_{i+1} - x_i^2)^2. `C` is the
// type constants enter as: double for Jet and fvar (a scalar product), the inner Jet for
// Jet<Jet> (Ceres has no Jet<Jet> * double).
std::vector<double> rosen_start(int n) {
  std::vector<double> x(n);
  for (int i = 0; i < n; ++i) {
    double const base = i % 2 == 0 ? -1.2 : 1.0;
    x[i] = base + 0.013 * (static_cast<double>(i * 5 % 11) - 5.0) / 5.0;
  }
  return x;
}

template <class C, class T>
T rosen_loop(T const* x, int n) {
  T s(C(0.0));
  for (int i = 0; i < n - 1; ++i) {
    T const a = x[i] - C(1.0);
    T const b = x[i + 1] - x[i] * x[i];
    s = s + a * a + b * b * C(100.0);
  }
  return s;
}

// The fold: std::inner_product pairs x_i with x_{i+1} as Rust's `windows(2)` does.
template <class C, class T>
T rosen_acc(T const* x, int n) {
  return std::inner_product(
      x, x + n - 1, x + 1, T(C(0.0)), [](T const& s, T const& t) { return s + t; },
      [](T const& xi, T const& xn) {
        T const a = xi - C(1.0);
        T const b = xn - xi * xi;
        return a * a + b * b * C(100.0);
      });
}

std::pair<double, std::vector<double>> rosen_grad_hand(std::vector<double> const& x) {
  int const n = static_cast<int>(x.size());
  std::vector<double> g(n, 0.0);
  double f = 0.0;
  for (int i = 0; i < n - 1; ++i) {
    double const a = x[i] - 1.0;
    double const b = x[i + 1] - x[i] * x[i];
    f += a * a + b * b * 100.0;
    g[i] += 2.0 * a - 400.0 * x[i] * b;
    g[i + 1] += 200.0 * b;
  }
  return {f, g};
}

template <int N>
struct HessResult {
  double f;
  std::array<double, N> g;
  std::array<double, N * N> h;  // symmetric, so row- and column-major alike
};

template <int N>
HessResult<N> rosen_hess_hand(double const* x) {
  HessResult<N> r{};
  for (int i = 0; i < N - 1; ++i) {
    double const a = x[i] - 1.0;
    double const b = x[i + 1] - x[i] * x[i];
    r.f += a * a + b * b * 100.0;
    r.g[i] += 2.0 * a - 400.0 * x[i] * b;
    r.g[i + 1] += 200.0 * b;
    r.h[i * N + i] += 2.0 - 400.0 * x[i + 1] + 1200.0 * x[i] * x[i];
    r.h[i * N + i + 1] = -400.0 * x[i];
    r.h[(i + 1) * N + i] = -400.0 * x[i];
    r.h[(i + 1) * N + i + 1] += 200.0;
  }
  return r;
}

// 4. jacobian_3x2: (x0 sin x1 + e^x2, sqrt(x0^2 + x1 x2)).
template <class T>
std::array<T, 2> jac_f(T const& x0, T const& x1, T const& x2) {
  using std::exp;
  using std::sin;
  using std::sqrt;
  return {x0 * sin(x1) + exp(x2), sqrt(x0 * x0 + x1 * x2)};
}

struct JacResult {
  std::array<double, 2> f;
  std::array<double, 6> j;  // column-major
};

JacResult jac_hand(double const* x) {
  double const s = std::sin(x[1]), c = std::cos(x[1]);
  double const e = std::exp(x[2]);
  double const r = std::sqrt(x[0] * x[0] + x[1] * x[2]);
  return {{x[0] * s + e, r}, {s, x[0] / r, x[0] * c, 0.5 * x[2] / r, e, 0.5 * x[1] / r}};
}

// 5. datafit: the logistic-regression loss sum_i ln(1 + exp(-y_i a_i.w)), 300 rows, 40 weights.
constexpr int kRows = 300;
constexpr int kCols = 40;

struct Data {
  std::vector<double> a;  // row-major
  std::vector<double> y;
};

// A 64-bit LCG (Knuth's MMIX constants), identical to the Rust side's.
struct Lcg {
  std::uint64_t s;
  double next() {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(s >> 11) / 9007199254740992.0;
  }
};

Data make_data() {
  Lcg rng{0x2545f4914f6cdd1dULL};
  Data d;
  d.a.reserve(kRows * kCols);
  for (int i = 0; i < kRows; ++i) {
    for (int j = 0; j < kCols; ++j) d.a.push_back(2.0 * rng.next() - 1.0);
    d.y.push_back(rng.next() < 0.5 ? -1.0 : 1.0);
  }
  return d;
}

std::vector<double> datafit_start() {
  std::vector<double> w(kCols);
  for (int j = 0; j < kCols; ++j) w[j] = 0.02 * j - 0.35;
  return w;
}

template <class T>
T nll_loop(T const* w, Data const& d) {
  using std::exp;
  using std::log;
  T loss(0.0);
  for (int i = 0; i < kRows; ++i) {
    double const* row = &d.a[i * kCols];
    T m(0.0);
    for (int j = 0; j < kCols; ++j) m = m + w[j] * row[j];
    T const z = m * -d.y[i];
    loss = loss + log(exp(z) + 1.0);
  }
  return loss;
}

template <class T>
T nll_acc(T const* w, Data const& d) {
  using std::exp;
  using std::log;
  double const* row = d.a.data();
  return std::accumulate(d.y.begin(), d.y.end(), T(0.0), [&](T const& loss, double y) {
    T const m = std::inner_product(
        row, row + kCols, w, T(0.0), [](T const& s, T const& t) { return s + t; },
        [](double a, T const& wj) { return wj * a; });
    row += kCols;
    T const z = m * -y;
    return loss + log(exp(z) + 1.0);
  });
}

std::pair<double, std::array<double, kCols>> nll_hand(double const* w, Data const& d) {
  std::array<double, kCols> g{};
  double f = 0.0;
  for (int i = 0; i < kRows; ++i) {
    double const* row = &d.a[i * kCols];
    double m = 0.0;
    for (int j = 0; j < kCols; ++j) m += w[j] * row[j];
    double const e = std::exp(m * -d.y[i]);
    f += std::log(e + 1.0);
    double const s = -d.y[i] * e / (1.0 + e);
    for (int j = 0; j < kCols; ++j) g[j] += s * row[j];
  }
  return {f, g};
}

// --- Drivers ---------------------------------------------------------------------------------

// f and the gradient, as every gradient method returns them for the check.
struct Grad {
  double f;
  std::vector<double> g;
};

// Ceres: one pass of Jet<N> (N = n), on the stack.
template <int N, class F>
Jet<N> jet_gradient(F const& f, double const* x) {
  std::array<Jet<N>, N> v;
  for (int i = 0; i < N; ++i) v[i] = Jet<N>(x[i], i);
  return f(v.data(), N);
}

// Ceres in chunks of K partials; inputs outside the chunk are Jets with a zero derivative.
template <int K, class F>
Grad jet_gradient_chunked(F const& f, std::vector<double> const& x) {
  int const n = static_cast<int>(x.size());
  std::vector<Jet<K>> work(n);
  for (int i = 0; i < n; ++i) work[i] = Jet<K>(x[i]);
  Grad r{0.0, std::vector<double>(n)};
  for (int start = 0; start < n; start += K) {
    int const end = std::min(start + K, n);
    for (int i = start; i < end; ++i) work[i].v[i - start] = 1.0;
    Jet<K> const y = f(work.data(), n);
    r.f = y.a;
    for (int i = start; i < end; ++i) r.g[i] = y.v[i - start];
    for (int i = start; i < end; ++i) work[i].v[i - start] = 0.0;
  }
  return r;
}

// Boost: fvar carries one variable, so the gradient takes n passes of fvar<1>.
template <class F>
Grad fvar_gradient(F const& f, std::vector<double> const& x) {
  int const n = static_cast<int>(x.size());
  std::vector<Fvar<1>> work(x.begin(), x.end());
  Grad r{0.0, std::vector<double>(n)};
  for (int i = 0; i < n; ++i) {
    work[i] = make_fvar<double, 1>(x[i]);
    Fvar<1> const y = f(work.data(), n);
    r.f = y.derivative(0);
    r.g[i] = y.derivative(1);
    work[i] = Fvar<1>(x[i]);
  }
  return r;
}

// Ceres' Hessian: one pass of Jet<Jet<N>, N>, the inner Jet seeded like the outer one.
template <int N, class F>
Jet2<N> jet2_hessian(F const& f, double const* x) {
  std::array<Jet2<N>, N> v;
  for (int i = 0; i < N; ++i) v[i] = Jet2<N>(Jet<N>(x[i], i), i);
  return f(v.data(), N);
}

// Boost's Hessian: fvar<2> along one direction at a time. Along e_i it gives f_i and f_ii;
// along e_i + e_j the second derivative is f_ii + 2 f_ij + f_jj (polarisation): n(n + 1)/2
// passes.
template <int N, class F>
HessResult<N> fvar_hessian(F const& f, double const* x) {
  HessResult<N> r{};
  std::array<Fvar<2>, N> work;
  for (int i = 0; i < N; ++i) work[i] = Fvar<2>(x[i]);
  for (int i = 0; i < N; ++i) {
    work[i] = make_fvar<double, 2>(x[i]);
    Fvar<2> const y = f(work.data(), N);
    r.f = y.derivative(0);
    r.g[i] = y.derivative(1);
    r.h[i * N + i] = y.derivative(2);
    work[i] = Fvar<2>(x[i]);
  }
  for (int i = 0; i < N; ++i) {
    for (int j = i + 1; j < N; ++j) {
      Fvar<2> const t = make_fvar<double, 2>(0.0);
      work[i] = t + x[i];
      work[j] = t + x[j];
      Fvar<2> const y = f(work.data(), N);
      double const hij = 0.5 * (y.derivative(2) - r.h[i * N + i] - r.h[j * N + j]);
      r.h[i * N + j] = hij;
      r.h[j * N + i] = hij;
      work[i] = Fvar<2>(x[i]);
      work[j] = Fvar<2>(x[j]);
    }
  }
  return r;
}

// --- Checking --------------------------------------------------------------------------------

double max_error(std::vector<double> const& actual, std::vector<double> const& expected) {
  double m = 0.0;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    double const err = std::fabs(actual[i] - expected[i]) / std::max(std::fabs(expected[i]), 1.0);
    if (std::isnan(err)) return NAN;
    m = std::max(m, err);
  }
  return m;
}

[[noreturn]] void fail(std::string const& what) {
  std::fprintf(stderr, "%s\n", what.c_str());
  std::exit(1);
}

// Checks a hand-written derivative (outputs x inputs, column-major) against central
// differences of f.
void check_differences(std::string const& name, std::vector<double> const& derivative,
                       std::vector<double> const& x,
                       std::function<std::vector<double>(std::vector<double> const&)> const& f) {
  std::vector<double> columns;
  for (std::size_t j = 0; j < x.size(); ++j) {
    double const h = 1e-6 * std::max(std::fabs(x[j]), 1.0);
    std::vector<double> up = x, down = x;
    up[j] += h;
    down[j] -= h;
    std::vector<double> const fu = f(up), fd = f(down);
    for (std::size_t i = 0; i < fu.size(); ++i) columns.push_back((fu[i] - fd[i]) / (2.0 * h));
  }
  double const err = max_error(columns, derivative);
  if (columns.size() != derivative.size() || !(err <= 1e-5)) {
    fail(name + ": the hand-written derivative disagrees with central differences");
  }
}

std::vector<double> flat(double f, double const* d, std::size_t n) {
  std::vector<double> v{f};
  v.insert(v.end(), d, d + n);
  return v;
}

// --- Timing ----------------------------------------------------------------------------------

struct Method {
  std::string name;
  std::function<void(std::uint64_t)> batch;
};

struct Case {
  std::string name;
  std::vector<double> reference;
  std::vector<Method> methods;

  // Checks `f` once against the reference, then keeps it for timing. `flatten` turns a result
  // into the value followed by the derivative's entries.
  template <class F, class Flatten>
  void add(std::string const& library, std::string const& driver, std::string const& form, F f,
           Flatten flatten) {
    std::string const full = library + "/" + driver + "/" + form;
    std::vector<double> const got = flatten(f());
    if (got.size() != reference.size()) fail(name + "/" + full + ": result has the wrong length");
    double const err = max_error(got, reference);
    if (!(err <= kTol)) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%g", err);
      fail(name + "/" + full + " disagrees with the hand-written derivative: error " + buf);
    }
    // The batch loop is instantiated around `f`: the only indirect call is once per batch.
    methods.push_back({full, [f](std::uint64_t k) {
                         for (std::uint64_t i = 0; i < k; ++i) consume(f());
                       }});
  }
};

struct Options {
  std::vector<std::string> filters;
  bool machine = false;
  int rounds = 30;
  double batch_s = 2e-3;

  bool selects(std::string const& c) const {
    if (filters.empty()) return true;
    for (auto const& f : filters)
      if (c.find(f) != std::string::npos) return true;
    return false;
  }
};

double time_batch(Method& m, std::uint64_t k) {
  auto const start = std::chrono::steady_clock::now();
  m.batch(k);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::uint64_t calibrate(Method& m, double target) {
  std::uint64_t k = 1;
  for (;;) {
    double const t = time_batch(m, k);
    if (t >= target / 8) return std::max<std::uint64_t>(1, std::llround(k * target / t));
    k *= 4;
  }
}

double median(std::vector<double>& v) {
  std::sort(v.begin(), v.end());
  std::size_t const n = v.size();
  return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

void run(Options const& o, Case& c) {
  std::size_t const m = c.methods.size();
  std::vector<std::uint64_t> sizes;
  for (auto& method : c.methods) sizes.push_back(calibrate(method, o.batch_s));
  std::vector<std::vector<double>> samples(m);
  for (int round = 0; round < o.rounds; ++round) {
    // Start each round at a different method, so no method always follows the same one.
    for (std::size_t j = 0; j < m; ++j) {
      std::size_t const i = (j + round) % m;
      samples[i].push_back(time_batch(c.methods[i], sizes[i]) * 1e9 / sizes[i]);
    }
  }
  std::vector<double> med(m), spread(m);
  for (std::size_t i = 0; i < m; ++i) {
    med[i] = median(samples[i]);
    std::size_t const s = samples[i].size();
    spread[i] = 0.5 * (samples[i][3 * s / 4] - samples[i][s / 4]) / med[i];
  }
  if (o.machine) {
    std::printf("#value\t%s\t%.17e\n", c.name.c_str(), c.reference[0]);
    for (std::size_t i = 0; i < m; ++i)
      std::printf("%s\t%s\t%.3f\n", c.name.c_str(), c.methods[i].name.c_str(), med[i]);
    std::fflush(stdout);
    return;
  }
  double const best = *std::min_element(med.begin(), med.end());
  std::printf("%s  (median of %d interleaved rounds, ns per call)\n", c.name.c_str(), o.rounds);
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return med[a] < med[b]; });
  for (auto i : order) {
    std::printf("  %-52s%12.1f  ±%4.1f%%  %6.2f×\n", c.methods[i].name.c_str(), med[i],
                100.0 * spread[i], med[i] / best);
  }
  std::printf("\n");
  std::fflush(stdout);
}

// --- The cases -------------------------------------------------------------------------------

auto grad_flat = [](Grad const& r) { return flat(r.f, r.g.data(), r.g.size()); };
template <int N>
auto jet_flat = [](Jet<N> const& y) { return flat(y.a, y.v.data(), N); };
template <int N>
auto hess_flat = [](HessResult<N> const& r) {
  std::vector<double> v = flat(r.f, r.g.data(), N);
  v.insert(v.end(), r.h.begin(), r.h.end());
  return v;
};
template <int N>
auto jet2_flat = [](Jet2<N> const& y) {
  std::vector<double> v = flat(y.a.a, y.a.v.data(), N);
  for (int j = 0; j < N; ++j)
    for (int i = 0; i < N; ++i) v.push_back(y.v[j].v[i]);
  return v;
};

void scalar(Options const& o) {
  char const* name = "scalar";
  if (!o.selects(name)) return;
  double x = kScalarX;
  auto const [f, df] = scalar_hand(x);
  check_differences(name, {df}, {x},
                    [](auto const& v) { return std::vector<double>{scalar_hand(v[0]).first}; });
  Case c{name, {f, df}, {}};
  c.add(
      "ceres", "Jet<1>", "—", [&] { return scalar_f(Jet<1>(opaque(x), 0)); }, jet_flat<1>);
  c.add(
      "boost", "fvar<1>", "—", [&] { return scalar_f(make_fvar<double, 1>(opaque(x))); },
      [](Fvar<1> const& y) { return std::vector<double>{y.derivative(0), y.derivative(1)}; });
  c.add(
      "hand", "f, f′", "—", [&] { return scalar_hand(opaque(x)); },
      [](std::pair<double, double> const& r) { return std::vector<double>{r.first, r.second}; });
  run(o, c);
}

template <int N>
void rosenbrock_grad(Options const& o, char const* name) {
  if (!o.selects(name)) return;
  std::vector<double> x = rosen_start(N);
  auto const [f, g] = rosen_grad_hand(x);
  check_differences(name, g, x, [](auto const& v) {
    return std::vector<double>{rosen_grad_hand(v).first};
  });
  Case c{name, flat(f, g.data(), N), {}};
  auto const loop = [](auto const* v, int n) { return rosen_loop<double>(v, n); };
  auto const acc = [](auto const* v, int n) { return rosen_acc<double>(v, n); };
  std::string const one_pass = "Jet<" + std::to_string(N) + ">";
  c.add(
      "ceres", one_pass, "loop", [&] { return jet_gradient<N>(loop, opaque(x.data())); },
      jet_flat<N>);
  c.add(
      "ceres", one_pass, "accumulate", [&] { return jet_gradient<N>(acc, opaque(x.data())); },
      jet_flat<N>);
  if (N > 16) {
    c.add(
        "ceres", "Jet<16> chunks", "loop", [&] { return jet_gradient_chunked<16>(loop, in(x)); },
        grad_flat);
    c.add(
        "ceres", "Jet<16> chunks", "accumulate",
        [&] { return jet_gradient_chunked<16>(acc, in(x)); }, grad_flat);
    c.add(
        "ceres", "Jet<8> chunks", "loop", [&] { return jet_gradient_chunked<8>(loop, in(x)); },
        grad_flat);
  } else {
    c.add(
        "ceres", "Jet<8> chunks", "loop", [&] { return jet_gradient_chunked<8>(loop, in(x)); },
        grad_flat);
  }
  c.add(
      "boost", "fvar<1> × n", "loop", [&] { return fvar_gradient(loop, in(x)); },
      grad_flat);
  c.add(
      "boost", "fvar<1> × n", "accumulate", [&] { return fvar_gradient(acc, in(x)); },
      grad_flat);
  c.add(
      "hand", "∇f", "loop", [&] { return rosen_grad_hand(in(x)); },
      [](auto const& r) { return flat(r.first, r.second.data(), N); });
  run(o, c);
}

template <int N>
void rosenbrock_hess(Options const& o, char const* name) {
  if (!o.selects(name)) return;
  std::vector<double> x = rosen_start(N);
  HessResult<N> const ref = rosen_hess_hand<N>(x.data());
  check_differences(name, std::vector<double>(ref.h.begin(), ref.h.end()), x,
                    [](auto const& v) { return rosen_grad_hand(v).second; });
  Case c{name, hess_flat<N>(ref), {}};
  // Jet<Jet>: constants as the inner Jet, the cheapest product Ceres offers a nested Jet.
  auto const jloop = [](auto const* v, int n) { return rosen_loop<Jet<N>>(v, n); };
  auto const jacc = [](auto const* v, int n) { return rosen_acc<Jet<N>>(v, n); };
  std::string const nested = "Jet<Jet<" + std::to_string(N) + ">>";
  c.add(
      "ceres", nested, "loop", [&] { return jet2_hessian<N>(jloop, opaque(x.data())); },
      jet2_flat<N>);
  c.add(
      "ceres", nested, "accumulate", [&] { return jet2_hessian<N>(jacc, opaque(x.data())); },
      jet2_flat<N>);
  auto const loop = [](auto const* v, int n) { return rosen_loop<double>(v, n); };
  auto const acc = [](auto const* v, int n) { return rosen_acc<double>(v, n); };
  c.add(
      "boost", "fvar<2> polarised", "loop",
      [&] { return fvar_hessian<N>(loop, opaque(x.data())); }, hess_flat<N>);
  c.add(
      "boost", "fvar<2> polarised", "accumulate",
      [&] { return fvar_hessian<N>(acc, opaque(x.data())); }, hess_flat<N>);
  c.add(
      "hand", "∇²f", "loop", [&] { return rosen_hess_hand<N>(opaque(x.data())); },
      hess_flat<N>);
  run(o, c);
}

void jacobian_3x2(Options const& o) {
  char const* name = "jacobian_3x2";
  if (!o.selects(name)) return;
  std::array<double, 3> x{1.0, 2.0, 0.5};
  JacResult const ref = jac_hand(x.data());
  check_differences(name, std::vector<double>(ref.j.begin(), ref.j.end()),
                    std::vector<double>(x.begin(), x.end()), [](auto const& v) {
                      JacResult const r = jac_hand(v.data());
                      return std::vector<double>(r.f.begin(), r.f.end());
                    });
  std::vector<double> reference(ref.f.begin(), ref.f.end());
  reference.insert(reference.end(), ref.j.begin(), ref.j.end());
  Case c{name, reference, {}};
  c.add(
      "ceres", "Jet<3>", "—",
      [&] {
        double const* v = opaque(x.data());
        return jac_f(Jet<3>(v[0], 0), Jet<3>(v[1], 1), Jet<3>(v[2], 2));
      },
      [](std::array<Jet<3>, 2> const& y) {
        std::vector<double> v{y[0].a, y[1].a};
        for (int j = 0; j < 3; ++j) {
          v.push_back(y[0].v[j]);
          v.push_back(y[1].v[j]);
        }
        return v;
      });
  // Boost, one variable at a time: three passes of fvar<1>.
  c.add(
      "boost", "fvar<1> × 3", "—",
      [&] {
        double const* v = opaque(x.data());
        JacResult r;
        for (int k = 0; k < 3; ++k) {
          std::array<Fvar<1>, 3> w{Fvar<1>(v[0]), Fvar<1>(v[1]), Fvar<1>(v[2])};
          w[k] = make_fvar<double, 1>(v[k]);
          std::array<Fvar<1>, 2> const y = jac_f(w[0], w[1], w[2]);
          r.f = {y[0].derivative(0), y[1].derivative(0)};
          r.j[2 * k] = y[0].derivative(1);
          r.j[2 * k + 1] = y[1].derivative(1);
        }
        return r;
      },
      [](JacResult const& r) {
        std::vector<double> v(r.f.begin(), r.f.end());
        v.insert(v.end(), r.j.begin(), r.j.end());
        return v;
      });
  // Boost, all three at once: make_ftuple nests one fvar per variable (2^3 coefficients).
  c.add(
      "boost", "make_ftuple<1,1,1>", "—",
      [&] {
        double const* v = opaque(x.data());
        auto const [a, b, d] = make_ftuple<double, 1, 1, 1>(v[0], v[1], v[2]);
        return jac_f<decltype(a + b + d)>(a, b, d);
      },
      [](auto const& y) {
        std::vector<double> v{y[0].derivative(0, 0, 0), y[1].derivative(0, 0, 0)};
        double const d[6] = {y[0].derivative(1, 0, 0), y[1].derivative(1, 0, 0),
                             y[0].derivative(0, 1, 0), y[1].derivative(0, 1, 0),
                             y[0].derivative(0, 0, 1), y[1].derivative(0, 0, 1)};
        v.insert(v.end(), d, d + 6);
        return v;
      });
  c.add(
      "hand", "J", "—", [&] { return jac_hand(opaque(x.data())); },
      [](JacResult const& r) {
        std::vector<double> v(r.f.begin(), r.f.end());
        v.insert(v.end(), r.j.begin(), r.j.end());
        return v;
      });
  run(o, c);
}

void datafit_grad_n40(Options const& o) {
  char const* name = "datafit_grad_n40";
  if (!o.selects(name)) return;
  Data const d = make_data();
  std::vector<double> w = datafit_start();
  auto const [f, g] = nll_hand(w.data(), d);
  check_differences(name, std::vector<double>(g.begin(), g.end()), w, [&](auto const& v) {
    return std::vector<double>{nll_hand(v.data(), d).first};
  });
  Case c{name, flat(f, g.data(), kCols), {}};
  auto const loop = [&](auto const* v, int) { return nll_loop(v, d); };
  auto const acc = [&](auto const* v, int) { return nll_acc(v, d); };
  c.add(
      "ceres", "Jet<40>", "loop", [&] { return jet_gradient<kCols>(loop, opaque(w.data())); },
      jet_flat<kCols>);
  c.add(
      "ceres", "Jet<40>", "accumulate",
      [&] { return jet_gradient<kCols>(acc, opaque(w.data())); }, jet_flat<kCols>);
  c.add(
      "ceres", "Jet<8> chunks", "loop", [&] { return jet_gradient_chunked<8>(loop, in(w)); },
      grad_flat);
  c.add(
      "ceres", "Jet<8> chunks", "accumulate", [&] { return jet_gradient_chunked<8>(acc, in(w)); },
      grad_flat);
  c.add(
      "ceres", "Jet<16> chunks", "loop", [&] { return jet_gradient_chunked<16>(loop, in(w)); },
      grad_flat);
  c.add(
      "ceres", "Jet<16> chunks", "accumulate", [&] { return jet_gradient_chunked<16>(acc, in(w)); },
      grad_flat);
  c.add(
      "boost", "fvar<1> × n", "loop", [&] { return fvar_gradient(loop, in(w)); },
      grad_flat);
  c.add(
      "boost", "fvar<1> × n", "accumulate", [&] { return fvar_gradient(acc, in(w)); },
      grad_flat);
  c.add(
      "hand", "∇f", "loop", [&] { return nll_hand(opaque(w.data()), d); },
      [](auto const& r) { return flat(r.first, r.second.data(), kCols); });
  run(o, c);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string const a = argv[i];
    if (a == "--machine") {
      o.machine = true;
    } else if (a == "--rounds" && i + 1 < argc) {
      o.rounds = std::atoi(argv[++i]);
    } else if (a == "--batch-ms" && i + 1 < argc) {
      o.batch_s = std::atof(argv[++i]) / 1e3;
    } else if (a.rfind("--", 0) == 0) {
      fail("unknown option " + a);
    } else {
      o.filters.push_back(a);
    }
  }
  scalar(o);
  rosenbrock_grad<10>(o, "rosenbrock_grad_n10");
  rosenbrock_grad<100>(o, "rosenbrock_grad_n100");
  rosenbrock_hess<2>(o, "rosenbrock_hess_n2");
  rosenbrock_hess<10>(o, "rosenbrock_hess_n10");
  jacobian_3x2(o);
  datafit_grad_n40(o);
}
