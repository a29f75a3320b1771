#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Wiring pictures, drawn from the overlays' pin defaults.

    scripts/wiring.py OVERLAY-DIR OUT-DIR           write the SVGs
    scripts/wiring.py --check OVERLAY-DIR OUT-DIR   compare, one result line

OVERLAY-DIR holds the compiled overlays (make dtbo). The pins come from
the .dtbo files themselves (the 3-wire picture from the WiFi overlay with
its three_wire parameter applied, as the firmware would), so a picture
cannot show other pins than its overlay; --check regenerates every picture
and fails on any that differs from the one in OUT-DIR, naming the wires
that disagree. Every wire is an element with data-gpio and data-signal
attributes.
"""
import os
import re
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dtparam  # noqa: E402

# The 40-pin header, the same on every Raspberry Pi since the B+ (Pi 4 and
# Pi 5 alike; raspberrypi/documentation, "GPIO and the 40-pin header"):
# physical pin -> what it carries.
HEADER = {
    1: '3V3', 2: '5V', 3: 'GPIO2', 4: '5V', 5: 'GPIO3', 6: 'GND',
    7: 'GPIO4', 8: 'GPIO14', 9: 'GND', 10: 'GPIO15', 11: 'GPIO17',
    12: 'GPIO18', 13: 'GPIO27', 14: 'GND', 15: 'GPIO22', 16: 'GPIO23',
    17: '3V3', 18: 'GPIO24', 19: 'GPIO10', 20: 'GND', 21: 'GPIO9',
    22: 'GPIO25', 23: 'GPIO11', 24: 'GPIO8', 25: 'GND', 26: 'GPIO7',
    27: 'GPIO0', 28: 'GPIO1', 29: 'GPIO5', 30: 'GND', 31: 'GPIO6',
    32: 'GPIO12', 33: 'GPIO13', 34: 'GND', 35: 'GPIO19', 36: 'GPIO16',
    37: 'GPIO26', 38: 'GPIO20', 39: 'GND', 40: 'GPIO21',
}
PIN_OF = {v: k for k, v in sorted(HEADER.items(), reverse=True)}
SPI0 = {'MOSI': 10, 'MISO': 9, 'SCLK': 11}
SPI0_CE = {0: 8, 1: 7}
COLORS = ['#d62728', '#1f77b4', '#2ca02c', '#ff7f0e', '#9467bd',
          '#8c564b', '#e377c2', '#17becf', '#7f7f7f']


def cells(val):
    return [struct.unpack_from('>I', val, i)[0] for i in range(0, len(val), 4)]


def load(path, params=()):
    root = dtparam.read_fdt(open(path, 'rb').read())[0]
    ovl = dtparam.Overlay(root)
    for p in params:
        name, _eq, value = p.partition('=')
        ovl.apply(name, value)
    return root


def active(root):
    """The nodes the overlay merges (dormant fragments left out)."""
    for path, node in root.walk():
        if '/__overlay__' in path:
            yield path, node


def wifi_wires(dtbo, three_wire):
    root = load(dtbo, ['three_wire'] if three_wire else [])
    for _path, n in active(root):
        if b'infineon,cyw43439' in n.props.get('compatible', b''):
            chip = n
            break
    else:
        raise ValueError('%s: no infineon,cyw43439 node' % dtbo)
    irq = cells(chip.props['interrupts'])[0]
    reg_on = cells(chip.props['reg-on-gpios'])[1]
    cs = SPI0_CE[cells(chip.props['reg'])[0]]
    wires = [('3V3', 'VDD (3.3 V)'), ('GND', 'GND'),
             (SPI0['SCLK'], 'CLK'), (cs, 'CS')]
    if 'spi-3wire' in chip.props:
        wires += [(SPI0['MOSI'], 'DATA (one line: data and host wake)'),
                  (irq, 'DATA, same line (host wake)')]
    else:
        wires += [(SPI0['MOSI'], 'DI (MOSI)'), (SPI0['MISO'], 'DO (MISO)'),
                  (irq, 'WL_IRQ (host wake, active low)')]
    wires.append((reg_on, 'WL_REG_ON'))
    return wires


def lan_wires(dtbo):
    root = load(dtbo)
    mdc = mdio = irq = rst = None
    for _path, n in active(root):
        if b'virtual,mdio-gpio' in n.props.get('compatible', b''):
            c = cells(n.props['gpios'])
            mdc, mdio = c[1], c[4]
        if 'reset-gpios' in n.props:
            rst = cells(n.props['reset-gpios'])[1]
        if 'interrupts' in n.props:
            irq = cells(n.props['interrupts'])[0]
    return [('3V3', 'VCC (3.3 V)'), ('GND', 'GND'), (mdc, 'MDC'),
            (mdio, 'MDIO'), (irq, 'nINT (REF_CLK-In mode only)'),
            (rst, 'nRST')]


PICTURES = {
    'rm2-pi4': ('Raspberry Pi RM2 (one data line) on a Pi 4', 'cyw43439-spi0',
                lambda d: wifi_wires(d, True),
                'Overlay: dtoverlay=cyw43439-spi0,three_wire,irq_type=4,'
                'irq_pull=1'),
    'rm2-pi5': ('Raspberry Pi RM2 (one data line) on a Pi 5', 'cyw43439-spi0',
                lambda d: wifi_wires(d, True),
                'Overlay: dtoverlay=cyw43439-spi0,three_wire,irq_type=4,'
                'irq_pull=1. The Pi 5\'s RP1 SPI has no 3-wire mode '
                '(cyw43439.rst)'),
    '1yn-pi4': ('Murata 1YN (4-wire) on a Pi 4', 'cyw43439-spi0',
                lambda d: wifi_wires(d, False),
                'Overlay: dtoverlay=cyw43439-spi0'),
    '1yn-pi5': ('Murata 1YN (4-wire) on a Pi 5', 'cyw43439-spi0',
                lambda d: wifi_wires(d, False),
                'Overlay: dtoverlay=cyw43439-spi0'),
    'lan8720-pi5': ('LAN8720 module (MDIO, nINT, nRST) on a Pi 5',
                    'lan8720-rmii', lan_wires,
                    'Overlay: dtoverlay=lan8720-rmii. The RMII data pins '
                    'and REF_CLK wait for the RP1 PIO backend'),
}


def esc(text):
    return text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def header_pin(what):
    """A wire's end on the header: a GPIO number or a supply name."""
    if isinstance(what, int):
        return PIN_OF['GPIO%d' % what]
    return PIN_OF[what]


def pin_xy(pin):
    row = (pin - 1) // 2
    return (80 if pin % 2 else 110), 90 + row * 22


def svg(title, wires, note):
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="840" height="570"'
           ' viewBox="0 0 840 570" font-family="sans-serif" font-size="11">',
           '<title>%s</title>' % esc(title),
           '<rect width="840" height="570" fill="white"/>',
           '<text x="20" y="30" font-size="16" font-weight="bold">%s</text>'
           % esc(title),
           '<text x="20" y="52">40-pin header, pin 1 at the top left; '
           'generated by scripts/wiring.py from the overlay</text>',
           '<rect x="66" y="76" width="58" height="450" rx="4" '
           'fill="#333"/>']
    used = {header_pin(w): i for i, (w, _s) in enumerate(wires)}
    for pin, name in HEADER.items():
        x, y = pin_xy(pin)
        fill = COLORS[used[pin] % len(COLORS)] if pin in used else '#ccc'
        out.append('<circle cx="%d" cy="%d" r="6" fill="%s"/>' % (x, y, fill))
        if pin % 2:
            out.append('<text x="60" y="%d" text-anchor="end">%s %d</text>' %
                       (y + 4, esc(name), pin))
        else:
            out.append('<text x="130" y="%d">%d %s</text>' %
                       (y + 4, pin, esc(name)))
    mx, my = 580, 110
    out.append('<rect x="%d" y="%d" width="240" height="%d" rx="6" '
               'fill="#e8f0e8" stroke="#333"/>' %
               (mx, my - 30, 30 + 26 * len(wires)))
    out.append('<text x="%d" y="%d" font-weight="bold">module</text>' %
               (mx + 10, my - 12))
    for i, (what, signal) in enumerate(wires):
        pin = header_pin(what)
        x, y = pin_xy(pin)
        ty = my + 10 + 26 * i
        col = COLORS[i % len(COLORS)]
        lane = 230 + 14 * i
        gpio = what if isinstance(what, int) else ''
        label = ('GPIO%d (pin %d)' % (what, pin)) if gpio != '' else \
            '%s (pin %d)' % (what, pin)
        out.append('<g class="wire" data-signal="%s" data-gpio="%s" '
                   'data-pin="%d">' % (esc(signal), gpio, pin))
        out.append('<polyline points="%d,%d %d,%d %d,%d %d,%d" fill="none" '
                   'stroke="%s" stroke-width="2"/>' %
                   (x, y, lane, y, lane, ty, mx, ty, col))
        out.append('<text x="%d" y="%d">%s</text>' %
                   (lane + 6, ty - 4, esc(label)))
        out.append('<text x="%d" y="%d">%s</text>' %
                   (mx + 10, ty + 4, esc(signal)))
        out.append('</g>')
    out.append('<text x="20" y="552">%s</text>' % esc(note))
    out.append('</svg>')
    return '\n'.join(out) + '\n'


def wires_in(text):
    return re.findall(r'data-signal="([^"]*)" data-gpio="([^"]*)"', text)


def main(argv):
    check = argv[:1] == ['--check']
    if check:
        argv = argv[1:]
    if len(argv) != 2:
        print(__doc__.split('\n\n')[1], file=sys.stderr)
        return 2
    ovl_dir, out_dir = argv
    bad = []
    for name, (title, ovl, wiring, note) in sorted(PICTURES.items()):
        text = svg(title, wiring(os.path.join(ovl_dir, ovl + '.dtbo')), note)
        path = os.path.join(out_dir, name + '.svg')
        if not check:
            os.makedirs(out_dir, exist_ok=True)
            open(path, 'w').write(text)
            continue
        try:
            old = open(path).read()
        except OSError:
            bad.append('%s: missing' % path)
            continue
        if old != text:
            want, have = wires_in(text), wires_in(old)
            diff = ['%s: %s on GPIO %s, the overlay says GPIO %s' %
                    (name, s, g, dict(want).get(s, '-'))
                    for s, g in have if (s, g) not in want]
            bad.append('%s: differs from what %s.dtbo gives (run make '
                       'wiring)' % (path, ovl))
            bad += diff
    if check:
        n = len(PICTURES)
        if bad:
            print('FAIL wiring: the %d pictures match their overlays' % n)
            for b in bad:
                print('    ' + b)
        else:
            print('PASS wiring: the %d pictures match their overlays' % n)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
