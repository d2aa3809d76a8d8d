import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Collection, Connection } from 'mongoose';

const DUPLICATE_KEY = 11000;

interface TokenUse {
  /** `<kind>:<sha256 of the token's secret>` */
  _id: string;
  at: Date;
}

/**
 * The ledger that makes a link single-use on any MongoDB-protocol store. A conditional update alone is
 * not enough: FerretDB 1.x runs `findOneAndUpdate` as a read and a write, so two clicks at once can both
 * match (measured: 2–3 winners of 8). Inserting a document with a unique `_id` is atomic everywhere, so
 * the first use of a token claims it and every later one finds the claim.
 */
@Injectable()
export class TokenUsesRepository {
  private readonly uses: Collection<TokenUse>;

  constructor(@InjectConnection() connection: Connection) {
    this.uses = connection.collection<TokenUse>('token_uses');
  }

  /** True for the first use of this token, false for any later one. */
  async claim(kind: string, hash: string): Promise<boolean> {
    try {
      await this.uses.insertOne({ _id: `${kind}:${hash}`, at: new Date() });
      return true;
    } catch (err) {
      if ((err as { code?: number }).code === DUPLICATE_KEY) return false;
      throw err;
    }
  }

  /** Gives a claim back when the use it was for could not be written (the link keeps working). */
  async release(kind: string, hash: string): Promise<void> {
    await this.uses.deleteOne({ _id: `${kind}:${hash}` });
  }
}
