// PGlite is a single-process database: two processes writing one data folder
// would corrupt it. A lock file with the owner's pid keeps a second process
// (say, the CLI while `npm start` runs) out with a message saying what to do.
import fs from 'node:fs';
import path from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dir: string): () => void {
  const file = path.join(dir, 'apparatus.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(fs.readFileSync(file, 'utf8'));
      if (owner && owner !== process.pid && alive(owner)) {
        throw new Error(
          `The embedded database in ${dir} is in use by process ${owner} (a running server?). ` +
            'Stop that process first, or set DATABASE_URL to a PostgreSQL server so several processes can share one database. ' +
            `/ Cơ sở dữ liệu nhúng ở ${dir} đang được tiến trình ${owner} sử dụng; hãy dừng tiến trình đó hoặc dùng PostgreSQL (DATABASE_URL).`,
          { cause: err },
        );
      }
      fs.unlinkSync(file); // left behind by a process that died
    }
  }
  throw new Error(`Could not lock ${file}`);
}
