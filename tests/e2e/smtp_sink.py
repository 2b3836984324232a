"""A small SMTP server for tests: EHLO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
Listens on a free loopback port, prints it, and writes each message it accepts to
OUT_DIR/<n>.eml with the envelope and the AUTH user as X-Sink-* lines first.
Usage: python3 smtp_sink.py OUT_DIR [USER PASSWORD]"""
import base64, os, socketserver, sys

out_dir = sys.argv[1]
want_user, want_password = (sys.argv[2], sys.argv[3]) if len(sys.argv) > 3 else (None, None)
count = 0


class Session(socketserver.StreamRequestHandler):
    def say(self, line):
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        global count
        user, sender, recipients = None, None, []
        self.say("220 sink ESMTP")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode(errors="replace").rstrip("\r\n")
            verb = command.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                self.wfile.write(b"250-sink\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n" if verb == "EHLO" else b"250 sink\r\n")
            elif verb == "AUTH":
                parts = command.split(" ")
                if len(parts) == 2:
                    self.say("334 ")
                    parts.append(self.rfile.readline().decode().strip())
                _, name, password = base64.b64decode(parts[2]).decode().split("\0")
                if want_user is None or (name, password) == (want_user, want_password):
                    user = name
                    self.say("235 ok")
                else:
                    self.say("535 bad credentials")
            elif verb == "MAIL":
                if want_user is not None and user is None:
                    self.say("530 authentication required")
                    continue
                sender, recipients = command[10:].strip(), []
                self.say("250 ok")
            elif verb == "RCPT":
                recipients.append(command[8:].strip())
                self.say("250 ok")
            elif verb == "DATA":
                self.say("354 go on")
                lines = []
                while True:
                    raw = self.rfile.readline()
                    if raw in (b".\r\n", b".\n", b""):
                        break
                    lines.append(raw[1:] if raw.startswith(b"..") else raw)
                count += 1
                head = f"X-Sink-From: {sender}\r\nX-Sink-To: {','.join(recipients)}\r\nX-Sink-User: {user}\r\n".encode()
                path = os.path.join(out_dir, f"{count:04d}.eml")
                with open(path + ".tmp", "wb") as f:
                    f.write(head + b"".join(lines))
                os.rename(path + ".tmp", path)
                self.say("250 queued")
            elif verb in ("RSET", "NOOP"):
                self.say("250 ok")
            elif verb == "QUIT":
                self.say("221 bye")
                return
            else:
                self.say("502 not implemented")


server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Session)
print(server.server_address[1], flush=True)
server.serve_forever()
