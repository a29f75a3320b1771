#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The overlay matrix: every overlay, with every parameter, on real trees.

    scripts/dt_check.py --work DIR --overlays DIR --trees LIST
                        [--planted DIR] [--schema processed.json]

LIST is a file of lines "NAME KIND PATH": KIND is "rpios" (Raspberry Pi OS
labels: spi0, spidev0/1, gpio; uses dts-overlays/*.dtbo) or "mainline"
(spi, no spidev; uses dts-overlays/mainline/ where a variant exists).

For each tree and overlay it applies the defaults and then each parameter
of the overlay's __overrides__ with a test value (scripts/dtparam.py, as
Raspberry Pi's firmware applies them), merges with mainline fdtoverlay and
checks the merged tree: it must differ from the defaults (the parameter
reaches something), and nothing the overlay added may share a chip select
or a GPIO with another enabled device. Both overlays together must not
collide either; a planted overlay on CE0 must be reported; the merged
trees are validated against the bindings (dt-validate) and speed=60000000
must be refused there. Prints one "PASS|FAIL|SKIP name" line per check.
"""
import argparse
import os
import re
import struct
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dtparam  # noqa: E402

# A value to try for each parameter: one that differs from the default and
# is free on every tree tested. A parameter without a value here fails.
TEST_VALUES = {
    'int_pin': '20', 'irq_pin': '20', 'reg_on_pin': '21',
    'reset_pin': '21', 'mdc_pin': '12', 'mdio_pin': '13',
    'irq_type': '4', 'irq_pull': '1', 'speed': '20000000', 'cs': '1',
    'three_wire': '', 'phy_addr': '0', 'poll': '', 'no_reset': '',
    'no_energy_detect': '',
}

GPIO_COMPATIBLES = ('brcm,bcm2835-gpio', 'brcm,bcm2711-gpio',
                    'brcm,bcm7211-gpio', 'raspberrypi,rp1-gpio')


def load(path):
    return dtparam.read_fdt(open(path, 'rb').read())[0]


def cells(val):
    return [struct.unpack_from('>I', val, i)[0] for i in range(0, len(val) - 3, 4)]


def strings(val):
    return val.decode(errors='replace').rstrip('\0').split('\0')


class Tree:
    def __init__(self, root):
        self.nodes = dict(root.walk())
        self.parent = {}
        for path, node in self.nodes.items():
            for c in node.children:
                self.parent[id(c)] = node
        self.by_ph = {}
        for path, node in self.nodes.items():
            ph = dtparam.phandle_of(node)
            if ph is not None:
                self.by_ph[ph] = (path, node)
        self.gpio = {ph for ph, (_p, n) in self.by_ph.items()
                     if set(strings(n.props.get('compatible', b'')))
                     & set(GPIO_COMPATIBLES)}

    @staticmethod
    def enabled(node):
        st = node.props.get('status')
        return st is None or strings(st)[0] in ('okay', 'ok')

    def irq_parent(self, node):
        while node is not None:
            if 'interrupt-parent' in node.props:
                return cells(node.props['interrupt-parent'])[0]
            node = self.parent.get(id(node))
        return None

    def gpio_claims(self, node):
        """GPIO numbers a node uses on the header's GPIO controller."""
        pins = set()
        for prop, val in node.props.items():
            if prop == 'gpios' or prop.endswith('-gpios'):
                c = cells(val)
                i = 0
                while i < len(c):
                    ph = c[i]
                    ctl = self.by_ph.get(ph)
                    n = cells(ctl[1].props.get('#gpio-cells', b'\0\0\0\2'))[0] \
                        if ctl else 2
                    if ph in self.gpio and i + 1 < len(c):
                        pins.add(c[i + 1])
                    i += 1 + n
            elif prop.startswith('pinctrl-') and prop != 'pinctrl-names':
                for ph in cells(val):
                    grp = self.by_ph.get(ph)
                    if grp and 'brcm,pins' in grp[1].props:
                        pins.update(cells(grp[1].props['brcm,pins']))
        if 'interrupts' in node.props and self.irq_parent(node) in self.gpio:
            pins.add(cells(node.props['interrupts'])[0])
        return pins

    def cs_claims(self, path, node):
        parent = self.parent.get(id(node))
        if parent is None or 'reg' not in node.props:
            return None
        comp = ' '.join(strings(parent.props.get('compatible', b'')))
        if 'spi' not in comp and not parent.name.startswith('spi'):
            return None
        if not self.enabled(parent):
            return None
        return (path.rsplit('/', 1)[0], cells(node.props['reg'])[0])


def collisions(base, merged):
    """Chip selects and GPIOs that an added or changed node shares."""
    bt, mt = Tree(base), Tree(merged)
    users = {}
    for path, node in mt.nodes.items():
        if not mt.enabled(node) or path.startswith('/__'):
            continue
        old = bt.nodes.get(path)
        ours = old is None or old.props != node.props
        cs = mt.cs_claims(path, node)
        if cs is not None:
            users.setdefault(('chip select', cs), []).append((path, ours))
        for pin in mt.gpio_claims(node):
            users.setdefault(('GPIO', pin), []).append((path, ours))
    found = []
    for (kind, what), who in sorted(users.items(), key=str):
        if len(who) > 1 and any(ours for _p, ours in who):
            where = '%s CE%d' % (what[0], what[1]) if kind == 'chip select' \
                else 'GPIO %d' % what
            found.append('%s used by %s' % (where, ', '.join(p for p, _o in who)))
    return found


class Matrix:
    def __init__(self, args):
        self.args = args
        self.work = args.work
        os.makedirs(self.work, exist_ok=True)
        self.n = 0

    def out(self, st, name, details=()):
        print('%s %s' % (st, name))
        for d in details:
            for line in str(d).splitlines()[:40]:
                print('    ' + line)
        sys.stdout.flush()

    def tmp(self, suffix):
        self.n += 1
        return os.path.join(self.work, '%d%s' % (self.n, suffix))

    def merge(self, base, overlays, params=()):
        """base + overlays (params for the first), or raise with why."""
        files = []
        for i, ovl in enumerate(overlays):
            p = self.tmp('.dtbo')
            r = subprocess.run([sys.executable, dtparam.__file__, ovl, p] +
                               (list(params) if i == 0 else []),
                               capture_output=True, text=True)
            if r.returncode:
                raise RuntimeError('dtparam: ' + r.stderr.strip())
            files.append(p)
        out = self.tmp('.dtb')
        r = subprocess.run(['fdtoverlay', '-i', base, '-o', out] + files,
                           capture_output=True, text=True)
        if r.returncode:
            raise RuntimeError('fdtoverlay: ' + (r.stderr or r.stdout).strip())
        return out

    def validate(self, dtb, names):
        """dt-validate findings about the nodes an overlay added."""
        r = subprocess.run(['dt-validate', '-s', self.args.schema, dtb],
                           capture_output=True, text=True)
        lines = (r.stdout + r.stderr).splitlines()
        return [ln for ln in lines if any(': %s' % n in ln or '/%s' % n in ln
                                         for n in names)]

    def overlays_for(self, kind):
        d = self.args.overlays
        res = {}
        for f in sorted(os.listdir(d)):
            if not f.endswith('.dtbo'):
                continue
            alt = os.path.join(d, 'mainline', f)
            res[f[:-5]] = alt if kind == 'mainline' and os.path.exists(alt) \
                else os.path.join(d, f)
        return res

    def one(self, tname, base, oname, ovl):
        params = load(ovl)
        ovr = params.child('__overrides__')
        names = list(ovr.props) if ovr else []
        label = '%s + %s' % (tname, oname)
        bad = []
        try:
            default = self.merge(base, [ovl])
        except RuntimeError as e:
            self.out('FAIL', 'dt: %s: defaults apply' % label, [e])
            return None
        droot = load(default)
        bad += ['defaults: ' + c for c in collisions(load(base), droot)]
        ddump = dtparam.write_fdt(droot)
        for p in names:
            if p not in TEST_VALUES:
                bad.append('%s: no test value (add it to TEST_VALUES)' % p)
                continue
            arg = p + ('=' + TEST_VALUES[p] if TEST_VALUES[p] else '')
            try:
                m = self.merge(base, [ovl], [arg])
            except RuntimeError as e:
                bad.append('%s: %s' % (arg, e))
                continue
            mroot = load(m)
            if dtparam.write_fdt(mroot) == ddump:
                bad.append('%s: changes nothing in the merged tree' % arg)
            bad += ['%s: %s' % (arg, c) for c in collisions(load(base), mroot)]
        if bad:
            self.out('FAIL', 'dt: %s: defaults and %d parameters' %
                     (label, len(names)), bad)
        else:
            self.out('PASS', 'dt: %s: defaults and %d parameters apply, '
                     'no collision' % (label, len(names)))
        return default

    def run(self):
        trees = [ln.split() for ln in open(self.args.trees) if ln.strip()]
        for tname, kind, base in trees:
            ovls = self.overlays_for(kind)
            if not os.path.exists(base):
                self.out('FAIL', 'dt: %s: tree missing' % tname, [base])
                continue
            t = Tree(load(base))
            if not t.gpio:
                self.out('SKIP', 'dt: %s: the tree describes no header GPIO '
                         'controller (mainline has no RP1 yet)' % tname)
                continue
            merged = {}
            for oname, ovl in ovls.items():
                d = self.one(tname, base, oname, ovl)
                if d:
                    merged[oname] = d
            self.together(tname, base, list(ovls.values()))
            self.landing(tname, base, ovls)
            if self.args.schema:
                self.binding(tname, base, ovls, merged)
            if self.args.planted:
                self.planted(tname, kind, base, ovls)

    def landing(self, tname, base, ovls):
        """Parameters write what their README entry says, where it says."""
        bad = []

        def node(root, suffix):
            for path, n in dict(root.walk()).items():
                if path.endswith(suffix):
                    return n
            bad.append('no node %s' % suffix)
            return dtparam.Node('missing')

        def expect(what, got, want):
            if got != want:
                bad.append('%s: %s, want %s' % (what, got, want))

        wifi, lan = ovls['cyw43439-spi0'], ovls['lan8720-rmii']
        tree = Tree(load(base))
        gpio = min(tree.gpio)
        try:
            r = load(self.merge(base, [wifi], ['cs=1', 'int_pin=20',
                                               'reg_on_pin=21', 'speed=1000000']))
            w = node(r, '/wifi@1')
            expect('cs=1: reg', cells(w.props.get('reg', b'')), [1])
            expect('int_pin=20: interrupts', cells(w.props.get('interrupts', b'')),
                   [20, 8])
            expect('reg_on_pin=21: reg-on-gpios',
                   cells(w.props.get('reg-on-gpios', b''))[1:2], [21])
            expect('speed: spi-max-frequency',
                   cells(w.props.get('spi-max-frequency', b'')), [1000000])
            if 'spidev@0' in str([p for p, _n in r.walk()]):
                sd0, sd1 = node(r, '/spidev@0'), node(r, '/spidev@1')
                expect('cs=1: spidev@0 status', Tree.enabled(sd0), True)
                expect('cs=1: spidev@1 status', Tree.enabled(sd1), False)
            r = load(self.merge(base, [lan], ['int_pin=20', 'reset_pin=21',
                                              'phy_addr=0']))
            phy = node(r, '/ethernet-phy@0')
            expect('phy_addr=0: reg', cells(phy.props.get('reg', b'')), [0])
            expect('int_pin=20: interrupts',
                   cells(phy.props.get('interrupts', b'')), [20, 8])
            expect('int_pin=20: interrupt-parent',
                   cells(phy.props.get('interrupt-parent', b'')), [gpio])
            grp = Tree(r).by_ph.get(cells(phy.props.get('pinctrl-0', b'\0' * 4))[0])
            expect('int_pin=20: pin group',
                   cells(grp[1].props.get('brcm,pins', b'')) if grp else None, [20])
            expect('reset_pin=21: reset-gpios',
                   cells(phy.props.get('reset-gpios', b'')), [gpio, 21, 1])
            r = load(self.merge(base, [lan], ['poll', 'no_reset']))
            phy = node(r, '/ethernet-phy@1')
            for prop in ('interrupts', 'pinctrl-0', 'reset-gpios'):
                expect('poll,no_reset: %s' % prop, prop in phy.props, False)
        except (RuntimeError, KeyError) as e:
            bad.append(str(e))
        self.out('FAIL' if bad else 'PASS', 'dt: %s: parameters write what '
                 'dts-overlays/README says' % tname, bad)

    def together(self, tname, base, ovls):
        name = 'dt: %s: all overlays together, no collision' % tname
        try:
            m = self.merge(base, ovls)
        except RuntimeError as e:
            self.out('FAIL', name, [e])
            return
        found = collisions(load(base), load(m))
        self.out('FAIL' if found else 'PASS', name, found)

    def planted(self, tname, kind, base, ovls):
        name = 'dt: %s: a planted w5500-like overlay on CE0 is reported' % tname
        wifi = [o for n, o in ovls.items() if n.startswith('cyw43439')]
        planted = os.path.join(self.args.planted, kind + '.dtbo')
        try:
            m = self.merge(base, [planted] + wifi)
        except RuntimeError as e:
            self.out('FAIL', name, [e])
            return
        found = collisions(load(base), load(m))
        ok = any('CE0' in c and 'wifi@0' in c for c in found)
        self.out('PASS' if ok else 'FAIL', name,
                 found if ok else ['no chip-select collision reported'] + found)

    def binding(self, tname, base, ovls, merged):
        watch = ['wifi@', 'ethernet-phy@', 'mdio-0']
        bad = []
        for oname, dtb in merged.items():
            bad += ['%s: %s' % (oname, ln) for ln in self.validate(dtb, watch)]
        self.out('FAIL' if bad else 'PASS',
                 'dt: %s: dt-validate of the merged trees (%d overlays)' %
                 (tname, len(merged)), bad)
        wifi = [o for n, o in ovls.items() if n.startswith('cyw43439')]
        name = 'dt: %s: speed=60000000 is refused by the binding' % tname
        try:
            m = self.merge(base, wifi, ['speed=60000000'])
        except RuntimeError as e:
            self.out('FAIL', name, [e])
            return
        found = [ln for ln in self.validate(m, ['wifi@'])
                 if 'spi-max-frequency' in ln]
        self.out('PASS' if found else 'FAIL', name,
                 found if found else ['dt-validate accepted 60 MHz'])


def readme_entries(path):
    """{overlay: [params]} from a README in Raspberry Pi's overlays format."""
    entries, name, in_params = {}, None, False
    for line in open(path):
        m = re.match(r'Name:\s+(\S+)', line)
        if m:
            name, in_params = m.group(1), False
            entries[name] = []
            continue
        m = re.match(r'(Params:)?\s{1,8}(\w+)\s{2,}\S', line)
        if name and line.startswith('Params:'):
            in_params = True
        elif not line.strip() or re.match(r'\w+:', line):
            in_params = False if not line.startswith('Params:') else in_params
        if in_params and m and (m.group(1) or len(line) - len(line.lstrip()) == 8):
            entries[name].append(m.group(2))
    return entries


def docs(m, root, overlays):
    """The README entries and every dtoverlay= example match the overlays."""
    have = {f[:-5]: set(dtparam_names(os.path.join(overlays, f)))
            for f in os.listdir(overlays) if f.endswith('.dtbo')}
    bad = []
    entries = readme_entries(os.path.join(root, 'dts-overlays', 'README'))
    for name, params in sorted(have.items()):
        if name not in entries:
            bad.append('dts-overlays/README: no entry for %s' % name)
            continue
        if set(entries[name]) != params:
            bad.append('dts-overlays/README: %s lists %s, the overlay has %s' %
                       (name, sorted(entries[name]), sorted(params)))
    m.out('FAIL' if bad else 'PASS', 'dt: dts-overlays/README lists every '
          'overlay and exactly its parameters', bad)

    bad, n = [], 0
    for dirpath, _dirs, files in os.walk(root):
        if '/.git' in dirpath or '/scripts/dt-test' in dirpath:
            continue
        for f in files:
            if not f.endswith(('.md', '.rst', '.dts', 'README')):
                continue
            path = os.path.join(dirpath, f)
            for ln, line in enumerate(open(path, errors='replace'), 1):
                for ex in re.findall(r'dtoverlay=([\w-]+(?:,[\w=]+)*)', line):
                    n += 1
                    name, *params = ex.split(',')
                    if name not in have:
                        bad.append('%s:%d: no overlay %s' %
                                   (os.path.relpath(path, root), ln, name))
                        continue
                    for p in params:
                        if p.split('=')[0] not in have[name]:
                            bad.append('%s:%d: %s has no parameter %s' %
                                       (os.path.relpath(path, root), ln,
                                        name, p))
    m.out('FAIL' if bad else 'PASS', 'dt: the %d dtoverlay= lines in the '
          'docs name existing overlays and parameters' % n, bad)


def dtparam_names(dtbo):
    ovr = load(dtbo).child('__overrides__')
    return list(ovr.props) if ovr else []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--work', required=True)
    ap.add_argument('--overlays', required=True)
    ap.add_argument('--trees', required=True)
    ap.add_argument('--planted')
    ap.add_argument('--schema')
    ap.add_argument('--docs', help='the source tree whose docs to check')
    args = ap.parse_args()
    m = Matrix(args)
    if args.docs:
        docs(m, args.docs, args.overlays)
    m.run()
    return 0


if __name__ == '__main__':
    sys.exit(main())
