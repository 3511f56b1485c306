#!/usr/bin/env python3
"""Helpers of bench/read-benchmark.sh (no third-party modules).

  report.py render TEMPLATE LIST OUT      fill a pgbench template from a list file (path, key, ids, counted)
  report.py wrk OUTPUT                    'req/s p50 p99 non2xx' from wrk --latency output (ms)
  report.py pgbench OUTPUT LOG_PREFIX     'tps p50 p99' from pgbench output and its per-transaction log (ms)
  report.py cpu                           a snapshot of busy jiffies: 'box app' (app pid in $APP_PID)
  report.py table ROWS                    the result table, one row per line of ROWS (tab-separated)
  report.py profile < JFR_PRINT           where the CPU went, from `jfr print --events jdk.ExecutionSample`
  report.py sqlcheck APP_LOG TEMPLATE     whether the statements the app logged are the pgbench script's
"""
import collections
import glob
import os
import re
import sys


def render(template, listing, out):
    rows = [line.rstrip('\n').split('\t') for line in open(listing, encoding='utf-8') if line.strip()]
    keys = [row[1] for row in rows]
    ids = [row[2] if len(row) > 2 else '{}' for row in rows]
    counted = [len(row) > 3 and row[3] == 't' for row in rows]
    city_ids = [row[4] if len(row) > 4 else '{}' for row in rows]
    assert counted == sorted(counted, reverse=True), 'entries the app counts separately must come first'
    for key in keys:
        assert re.fullmatch(r'[A-Za-z0-9-]+', key), key
    for value in ids + city_ids:
        assert re.fullmatch(r'\{[0-9,]*\}', value), value
    text = open(template, encoding='utf-8').read()
    text = (text.replace('@N@', str(len(rows))).replace('@COUNTED@', str(sum(counted)))
            .replace('@KEYS@', "'{" + ','.join(keys) + "}'")
            .replace('@IDS@', "'{" + ','.join('"' + value + '"' for value in ids) + "}'")
            .replace('@CITY_IDS@', "'{" + ','.join('"' + value + '"' for value in city_ids) + "}'"))
    open(out, 'w', encoding='utf-8').write(text)


def to_ms(value, unit):
    value = float(value)
    return value / 1000 if unit == 'us' else value * 1000 if unit == 's' else value


def wrk(path):
    text = open(path, encoding='utf-8').read()

    def percentile(label):
        m = re.search(r'^\s*' + label + r'%\s+([\d.]+)(us|ms|s)\s*$', text, re.M)
        return to_ms(m.group(1), m.group(2))

    rps = float(re.search(r'Requests/sec:\s+([\d.]+)', text).group(1))
    errors = re.search(r'Non-2xx or 3xx responses: (\d+)', text)
    socket = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)', text)
    failed = (int(errors.group(1)) if errors else 0) + (sum(int(g) for g in socket.groups()) if socket else 0)
    print(f"{rps:.0f} {percentile('50'):.2f} {percentile('99'):.2f} {failed}")


def pgbench(path, prefix):
    text = open(path, encoding='utf-8').read()
    m = re.search(r'tps = ([\d.]+)', text)
    if not m:
        sys.stderr.write(text)
        raise SystemExit('pgbench failed')
    latencies = sorted(int(line.split()[2]) for f in glob.glob(prefix + '.*') for line in open(f))
    failed = re.search(r'number of failed transactions: (\d+)', text)

    def percentile(p):
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] / 1000

    print(f"{float(m.group(1)):.0f} {percentile(50):.2f} {percentile(99):.2f} {failed.group(1) if failed else 0}")


def cpu():
    with open('/proc/stat') as f:
        fields = [int(v) for v in f.readline().split()[1:]]
    box = sum(fields) - fields[3] - fields[4]  # all but idle and iowait
    app = 0
    pid = os.environ.get('APP_PID')
    if pid:
        with open(f'/proc/{pid}/stat') as f:
            stat = f.read().rsplit(')', 1)[1].split()
        app = int(stat[11]) + int(stat[12])  # utime + stime
    print(box, app)


def check(goal, rps, ref_rps, p99):
    """Goals look like 'ratio>=50' or 'p99<20', joined by '&'."""
    results = []
    for part in filter(None, goal.split('&')):
        name, op, limit = re.fullmatch(r'(ratio|p99)(>=|<)([\d.]+)', part).groups()
        value = 100 * rps / ref_rps if name == 'ratio' else p99
        if value is None:
            results.append(None)
        else:
            results.append(value >= float(limit) if op == '>=' else value < float(limit))
    if not results:
        return ''
    return 'n/a' if None in results else 'ok' if all(results) else 'MISSED'


def table(path):
    head = ('request', 'data', 'API req/s', 'p50 ms', 'p99 ms', 'err', 'vs', 'req/s', 'p50 ms', 'p99 ms', 'err',
            'API/vs', 'cores app/box', 'goal', 'met')
    lines = []
    for raw in open(path, encoding='utf-8'):
        (name, data, rps, p50, p99, err, ref, ref_rps, ref_p50, ref_p99, ref_err, cores, goal) = raw.rstrip('\n').split('\t')
        rps_v, ref_v = float(rps), float(ref_rps) if ref_rps != '-' else None
        ratio = f'{100 * rps_v / ref_v:.0f} %' if ref_v else '-'
        met = check(goal, rps_v, ref_v, float(p99))
        lines.append((name, data, rps, p50, p99, err, ref, ref_rps, ref_p50, ref_p99, ref_err, ratio, cores,
                      goal.replace('ratio>=', 'API/vs >= ').replace('p99<', 'p99 < ').replace('&', ', '), met))
    widths = [max(len(str(row[i])) for row in [head] + lines) for i in range(len(head))]
    right = {2, 3, 4, 5, 7, 8, 9, 10, 11, 12}

    def fmt(row):
        return ' '.join(str(v).rjust(w) if i in right else str(v).ljust(w) for i, (v, w) in enumerate(zip(row, widths)))

    print(fmt(head))
    print(' '.join('-' * w for w in widths))
    for row in lines:
        print(fmt(row))


# Inclusive shares: a sample counts for a label when any frame of its stack matches.
LAYERS = [
    ('HTTP (Vert.x, Netty)', r'^io\.(vertx|netty)\.'),
    ('REST layer', r'^org\.jboss\.resteasy\.reactive\.'),
    ('request log line', r'dev\.twinning\.common\.http\.RequestLog\.log|^org\.jboss\.logmanager\.'),
    ('read cache', r'^dev\.twinning\.common\.cache\.ReadCache\.'),
    ('JSON (Jackson)', r'^com\.fasterxml\.jackson\.'),
    ('ETag SHA-256', r'MessageDigest|^sun\.security\.provider\.'),
    ('Hibernate (all)', r'^org\.hibernate\.(?!validator)'),
    ('Hibernate HQL parsing', r'^org\.hibernate\.grammars\.|SemanticQueryBuilder|^org\.antlr\.'),
    ('Hibernate SQM to SQL (per execution)', r'BaseSqmToSqlAstConverter|StandardSqmTranslator|AbstractSqlAstTranslator'),
    ('Hibernate rows to entities', r'^org\.hibernate\.sql\.results\.'),
    ('Hibernate session, flush', r'^org\.hibernate\.(internal\.SessionImpl|event\.)'),
    ('JTA (Narayana)', r'^com\.arjuna\.|^io\.narayana\.'),
    ('JDBC driver', r'^org\.postgresql\.'),
    ('connection pool', r'^io\.agroal\.'),
    ('validation', r'^org\.hibernate\.validator\.'),
]

SELF_LAYERS = [layer for layer in LAYERS if layer[0] not in ('Hibernate (all)', 'HTTP (Vert.x, Netty)', 'REST layer')] + [
    ('Hibernate other', r'^org\.hibernate\.'),
    ('REST layer', r'^org\.jboss\.resteasy\.reactive\.'),
    ('HTTP (Vert.x, Netty)', r'^io\.(vertx|netty)\.'),
    ('CDI, Quarkus glue', r'^io\.quarkus\.|^io\.smallrye\.|^org\.jboss\.threads\.'),
    ('app code', r'^dev\.twinning\.'),
]


def profile(_paths):
    """Summarises `jfr print --events jdk.ExecutionSample,jdk.GarbageCollection` (stdin)."""
    samples = []
    thread = None
    frames = None
    gc_pauses = []
    for line in sys.stdin:
        line = line.strip()
        if line.startswith('sampledThread = '):
            thread = re.sub(r'-\d+"?.*$', '', line.split('"')[1]) if '"' in line else line
        elif line.startswith('stackTrace = ['):
            frames = []
        elif line.startswith('sumOfPauses = '):
            m = re.match(r'sumOfPauses = ([\d.]+) (ms|s|us)', line)
            if m:
                gc_pauses.append(to_ms(m.group(1), m.group(2)))
        elif frames is not None and line == ']':
            samples.append((thread, frames))
            frames = None
        elif frames is not None and line != '...':
            frames.append(re.sub(r'\s+line:.*$', '', line))
    if not samples:
        print('  no samples')
        return
    total = len(samples)
    threads = collections.Counter(t for t, _ in samples)
    print(f'  {total} CPU samples, by thread: '
          + ', '.join(f'{name} {100 * n / total:.0f}%' for name, n in threads.most_common(5))
          + f'; {len(gc_pauses)} GCs, {sum(gc_pauses):.0f} ms paused')
    layers = []
    for label, pattern in LAYERS:
        regex = re.compile(pattern)
        n = sum(1 for _, fs in samples if any(regex.search(f) for f in fs))
        if n * 50 >= total:
            layers.append(f'{label} {100 * n / total:.0f}%')
    print('  samples whose stack includes: ' + ', '.join(layers))
    # Each sample charged to the innermost frame that belongs to a layer: a partition of the CPU time.
    charged = collections.Counter()
    compiled = [(label, re.compile(pattern)) for label, pattern in SELF_LAYERS]
    for _, fs in samples:
        charged[next((label for f in fs for label, regex in compiled if regex.search(f)), 'other')] += 1
    print('  CPU by innermost layer: ' + ', '.join(f'{label} {100 * n / total:.0f}%'
                                                  for label, n in charged.most_common() if n * 50 >= total))
    tops = collections.Counter(fs[0] if fs else '?' for _, fs in samples)
    print('  top frames: ' + '; '.join(f'{100 * n / total:.0f}% {frame}' for frame, n in tops.most_common(5)))


def normalize(statement):
    statement = re.sub(r'\s+', ' ', statement).strip().rstrip(';').strip()
    # Hibernate's batch loaders bind a single key as "= ?" and several as "= any (?)"
    statement = re.sub(r'\b(s1_0\.agreement_id|i1_0\.city_id)=\?', r'\1 = any (?)', statement)
    return re.sub(r' in \(\?(,\s*\?)*\)', ' in (?)', statement)


def template_statements(path):
    """The SQL of a pgbench script with its values turned back into the app's bind markers."""
    statements = []
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if not line or line.startswith(('--', '\\')) or line.lower() in ('begin;', 'commit;'):
            continue
        line = re.sub(r'\s*\\gset\s*\w*$', '', line)
        line = line.replace("(@KEYS@::varchar[])[:i]", '?')
        line = re.sub(r"any\(\(@(CITY_)?IDS@::text\[\]\)\[:i\]::bigint\[\]\)", 'any (?)', line)
        line = re.sub(r":[a-z_]+", '?', line)
        line = line.replace("'friendship-cities'", '?').replace("'SATISFIED'", '?').replace('now()', '?')
        statements.append(normalize(line))
    return statements


def sqlcheck(log, template):
    logged = []
    for line in open(log, encoding='utf-8', errors='replace'):
        m = re.search(r'Hibernate: (.*?)(",.*)?$', line.rstrip('\n'))
        if m:
            logged.append(normalize(m.group(1)))
    expected = template_statements(template)
    name = os.path.basename(template)
    if logged == expected:
        print(f'{name}: the same {len(expected)} statements')
        return
    print(f'{name}: the app ran {len(logged)} statements, the script has {len(expected)}')
    for i in range(max(len(logged), len(expected))):
        app = logged[i] if i < len(logged) else '(none)'
        script = expected[i] if i < len(expected) else '(none)'
        if app != script:
            print(f'  statement {i + 1}\n    app:    {app}\n    script: {script}')
    raise SystemExit(1)


if __name__ == '__main__':
    command, args = sys.argv[1], sys.argv[2:]
    {'render': lambda: render(*args), 'wrk': lambda: wrk(*args), 'pgbench': lambda: pgbench(*args),
     'cpu': cpu, 'table': lambda: table(*args), 'profile': lambda: profile(args),
     'sqlcheck': lambda: sqlcheck(*args)}[command]()
