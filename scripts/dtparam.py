#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Apply Raspberry Pi overlay parameters to a .dtbo, as the firmware does.

    scripts/dtparam.py IN.dtbo OUT.dtbo [name[=value]]...
    scripts/dtparam.py --list IN.dtbo

Raspberry Pi's firmware (and its dtoverlay/dtmerge tools) apply an
overlay's parameters to the overlay itself, through its __overrides__ node,
before merging it into the base tree. Mainline fdtoverlay and U-Boot know
no parameters: they merge an overlay's defaults. This tool does the first
step, so that the result can be merged by fdtoverlay: the rig uses it to
test every parameter on real base trees, and users of mainline trees can
use it to set parameters before installing an overlay.

It implements the format as Raspberry Pi's documentation describes it
("Device Trees, overlays, and parameters", part 2.2, in the
raspberrypi/documentation repository): string, integer (.;:# for 8, 16, 32
and 64 bits at a byte offset), boolean (? and the inverted !) targets;
literal assignments (=value, or = followed by a cell); fragment operations
(<0>, "+n-n=n!n": enable, disable, enable if true, enable if false); the
special meaning of "status" and of "reg" (which renames the node's unit
address). Lookup tables and byte strings are refused as unsupported.
Fixups that point at renamed nodes, dormant fragments or deleted
properties are kept in step, and a literal cell that is a label reference
gets a fixup at its new place.
"""
import re
import struct
import sys

FDT_MAGIC = 0xd00dfeed
BEGIN, END, PROP, NOP, FEND = 1, 2, 3, 4, 9


class Node:
    def __init__(self, name):
        self.name = name
        self.props = {}
        self.children = []

    def child(self, name):
        for c in self.children:
            if c.name == name:
                return c
        return None

    def walk(self, path=''):
        """Yield (path, node) for this node and every node below it."""
        here = path + '/' + self.name if path != '/' else '/' + self.name
        if self.name == '':
            here = '/'
        yield here, self
        for c in self.children:
            yield from c.walk(here)


def read_fdt(data):
    (magic, _size, off_struct, off_strings, off_rsv, _ver, _lc, cpu,
     size_strings, size_struct) = struct.unpack_from('>10I', data, 0)
    if magic != FDT_MAGIC:
        raise ValueError('not a flattened device tree')
    strings = data[off_strings:off_strings + size_strings]
    pos = off_struct
    stack = []
    root = None
    while pos < off_struct + size_struct:
        (tok,) = struct.unpack_from('>I', data, pos)
        pos += 4
        if tok == BEGIN:
            end = data.index(b'\0', pos)
            node = Node(data[pos:end].decode())
            pos = (end + 4) & ~3
            if stack:
                stack[-1].children.append(node)
            else:
                root = node
            stack.append(node)
        elif tok == END:
            stack.pop()
        elif tok == PROP:
            length, nameoff = struct.unpack_from('>II', data, pos)
            pos += 8
            name = strings[nameoff:strings.index(b'\0', nameoff)].decode()
            stack[-1].props[name] = bytes(data[pos:pos + length])
            pos = (pos + length + 3) & ~3
        elif tok == NOP:
            continue
        elif tok == FEND:
            break
        else:
            raise ValueError('bad token %d' % tok)
    rsv = []
    while True:
        addr, size = struct.unpack_from('>QQ', data, off_rsv)
        off_rsv += 16
        if not addr and not size:
            break
        rsv.append((addr, size))
    return root, rsv, cpu


def write_fdt(root, rsv=(), cpu=0):
    strings = bytearray()
    offsets = {}
    body = bytearray()

    def string_off(name):
        if name not in offsets:
            offsets[name] = len(strings)
            strings.extend(name.encode() + b'\0')
        return offsets[name]

    def pad():
        while len(body) % 4:
            body.append(0)

    def emit(node):
        body.extend(struct.pack('>I', BEGIN) + node.name.encode() + b'\0')
        pad()
        for name, val in node.props.items():
            body.extend(struct.pack('>III', PROP, len(val), string_off(name)))
            body.extend(val)
            pad()
        for c in node.children:
            emit(c)
        body.extend(struct.pack('>I', END))

    emit(root)
    body.extend(struct.pack('>I', FEND))
    rsvmap = b''.join(struct.pack('>QQ', a, s) for a, s in rsv) + bytes(16)
    off_rsv = 40
    off_struct = off_rsv + len(rsvmap)
    off_strings = off_struct + len(body)
    total = off_strings + len(strings)
    hdr = struct.pack('>10I', FDT_MAGIC, total, off_struct, off_strings,
                      off_rsv, 17, 16, cpu, len(strings), len(body))
    return hdr + rsvmap + bytes(body) + bytes(strings)


def find(root, path):
    node = root
    for part in [p for p in path.split('/') if p]:
        node = node.child(part)
        if node is None:
            return None
    return node


def phandle_of(node):
    val = node.props.get('phandle') or node.props.get('linux,phandle')
    return struct.unpack('>I', val)[0] if val and len(val) == 4 else None


class ParamError(Exception):
    pass


def truth(value):
    """The firmware's reading of a boolean: no value is true."""
    v = value.strip().lower()
    if v in ('', 'y', 'yes', 'on', 'true', 'okay'):
        return True
    if v in ('n', 'no', 'off', 'false', 'disabled'):
        return False
    try:
        return int(v, 0) != 0
    except ValueError:
        raise ParamError('"%s" is not a boolean' % value)


def integer(value):
    try:
        return int(value.strip(), 0) if value.strip() else 1
    except ValueError:
        raise ParamError('"%s" is not an integer' % value)


class Overlay:
    def __init__(self, root):
        self.root = root

    def by_phandle(self, ph):
        for path, node in self.root.walk():
            if phandle_of(node) == ph:
                return path, node
        raise ParamError('no node with phandle %#x in the overlay' % ph)

    # Fixups name properties by path: keep them in step with the overlay.
    def rename_path(self, old, new):
        fix = self.root.child('__fixups__')
        if fix:
            for label, val in fix.props.items():
                refs = val.decode().rstrip('\0').split('\0')
                refs = [new + r[len(old):] if r.startswith(old + ':') else r
                        for r in refs]
                fix.props[label] = '\0'.join(refs).encode() + b'\0'
        sym = self.root.child('__symbols__')
        if sym:
            for label, val in sym.props.items():
                p = val.decode().rstrip('\0')
                if p == old or p.startswith(old + '/'):
                    sym.props[label] = (new + p[len(old):]).encode() + b'\0'
        local = self.root.child('__local_fixups__')
        node = find(local, old) if local else None
        if node is not None:
            node.name = new.rsplit('/', 1)[1]

    def drop_fixups(self, path, prop):
        fix = self.root.child('__fixups__')
        if fix:
            for label in list(fix.props):
                refs = fix.props[label].decode().rstrip('\0').split('\0')
                refs = [r for r in refs
                        if not r.startswith('%s:%s:' % (path, prop))]
                if refs:
                    fix.props[label] = '\0'.join(refs).encode() + b'\0'
                else:
                    del fix.props[label]
        local = self.root.child('__local_fixups__')
        node = find(local, path) if local else None
        if node is not None:
            node.props.pop(prop, None)

    def copy_fixup(self, src, dst):
        """A literal cell at src (path, prop, off) now also sits at dst."""
        fix = self.root.child('__fixups__')
        want = '%s:%s:%d' % src
        for label, val in (fix.props.items() if fix else ()):
            refs = val.decode().rstrip('\0').split('\0')
            if want in refs:
                refs.append('%s:%s:%d' % dst)
                fix.props[label] = '\0'.join(refs).encode() + b'\0'
                return
        local = self.root.child('__local_fixups__')
        node = find(local, src[0]) if local else None
        offs = node.props.get(src[1], b'') if node is not None else b''
        if struct.pack('>I', src[2]) not in [offs[i:i + 4]
                                             for i in range(0, len(offs), 4)]:
            return
        node = local
        for part in [p for p in dst[0].split('/') if p]:
            nxt = node.child(part)
            if nxt is None:
                nxt = Node(part)
                node.children.append(nxt)
            node = nxt
        node.props[dst[1]] = node.props.get(dst[1], b'') + \
            struct.pack('>I', dst[2])

    def fragment(self, n, enable):
        frag = self.root.child('fragment@%d' % n)
        if frag is None:
            raise ParamError('no fragment@%d' % n)
        want, other = ('__overlay__', '__dormant__') if enable else \
            ('__dormant__', '__overlay__')
        node = frag.child(other)
        if node is not None:
            node.name = want
            self.rename_path('/fragment@%d/%s' % (n, other),
                             '/fragment@%d/%s' % (n, want))

    def fragment_ops(self, ops, value):
        for op, n in re.findall(r'([-+=!])(\d+)', ops):
            n = int(n)
            if op == '+':
                self.fragment(n, True)
            elif op == '-':
                self.fragment(n, False)
            elif op == '=':
                self.fragment(n, truth(value))
            else:
                self.fragment(n, not truth(value))
        if re.sub(r'[-+=!]\d+', '', ops):
            raise ParamError('bad fragment operations "%s"' % ops)

    def set_int(self, path, node, prop, size, off, val):
        old = node.props.get(prop, b'')
        if len(old) < off + size:
            old = old + bytes(off + size - len(old))
        fmt = {1: '>B', 2: '>H', 4: '>I', 8: '>Q'}[size]
        new = old[:off] + struct.pack(fmt, val & ((1 << (8 * size)) - 1)) + \
            old[off + size:]
        node.props[prop] = new
        if prop == 'reg' and off == 0 and '@' in node.name:
            base = node.name.split('@')[0]
            newname = '%s@%x' % (base, val)
            newpath = path.rsplit('/', 1)[0] + '/' + newname
            node.name = newname
            self.rename_path(path, newpath)

    def apply(self, name, value):
        ovr = self.root.child('__overrides__')
        decl = ovr.props.get(name) if ovr else None
        if decl is None:
            raise ParamError('unknown parameter "%s"' % name)
        pos = 0
        while pos < len(decl):
            (ph,) = struct.unpack_from('>I', decl, pos)
            pos += 4
            end = decl.index(b'\0', pos)
            spec = decl[pos:end].decode()
            pos = end + 1
            if ph == 0:
                self.fragment_ops(spec, value)
                continue
            path, node = self.by_phandle(ph)
            cell = None
            if spec.endswith('='):
                cell = (pos, struct.unpack_from('>I', decl, pos)[0])
                pos += 4
            self.apply_one(name, path, node, spec, value, cell)

    def apply_one(self, name, path, node, spec, value, cell):
        if '{' in spec or '[' in spec:
            raise ParamError('%s: lookup tables and byte strings are not '
                             'supported' % name)
        m = re.fullmatch(r'([^.;:#?!=]+)(?:([.;:#])(\d+))?([?!])?(?:=(.*))?',
                         spec, re.S)
        if not m:
            raise ParamError('%s: cannot read "%s"' % (name, spec))
        prop, sep, off, flag, literal = m.groups()
        if flag:
            on = truth(value) != (flag == '!')
            if on:
                node.props[prop] = b''
            elif prop in node.props:
                del node.props[prop]
                self.drop_fixups(path, prop)
            return
        if sep:
            size = {'.': 1, ';': 2, ':': 4, '#': 8}[sep]
            off = int(off)
            if cell is not None:
                val = cell[1]
                self.copy_fixup(('/__overrides__', name, cell[0]),
                                (path, prop, off))
            elif literal is not None:
                val = integer(literal)
            else:
                val = integer(value)
            self.set_int(path, node, prop, size, off, val)
            return
        text = literal if literal is not None else value
        if prop == 'status':
            text = 'okay' if truth(text) else 'disabled'
        node.props[prop] = text.encode() + b'\0'


def main(argv):
    if len(argv) >= 2 and argv[0] == '--list':
        root, _rsv, _cpu = read_fdt(open(argv[1], 'rb').read())
        ovr = root.child('__overrides__')
        for name in (ovr.props if ovr else {}):
            print(name)
        return 0
    if len(argv) < 2:
        print(__doc__.split('\n\n')[1], file=sys.stderr)
        return 2
    root, rsv, cpu = read_fdt(open(argv[0], 'rb').read())
    ovl = Overlay(root)
    try:
        for arg in argv[2:]:
            name, _eq, value = arg.partition('=')
            ovl.apply(name, value)
    except ParamError as e:
        print('dtparam: %s' % e, file=sys.stderr)
        return 1
    open(argv[1], 'wb').write(write_fdt(root, rsv, cpu))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
