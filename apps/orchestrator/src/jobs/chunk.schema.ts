import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { ItemCounts } from '@cohort/contracts';
import type { ChunkState, PersonError } from '../engine/chunk-state';

/**
 * Up to `chunkSize` people of one job with their per-person state (see ChunkState): one document per
 * chunk keeps writes few and large (one update per work result) and every read a lookup by `_id`
 * (`<jobId>:<chunkNo>`), which is what every MongoDB-protocol store serves from an index.
 */
@Schema({ collection: 'chunks', versionKey: false })
export class Chunk implements ChunkState {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true, index: true })
  jobId!: string;

  @Prop({ required: true })
  no!: number;

  /** per-chunk params (undo jobs restore a different prior value per group of people) */
  @Prop({ type: Object })
  params?: Record<string, unknown>;

  @Prop({ type: [String], required: true })
  ids!: string[];

  @Prop({ type: [Number] })
  st!: number[];

  @Prop({ type: [Number] })
  k!: number[];

  @Prop({ type: [Number] })
  a!: number[];

  @Prop({ type: [Number] })
  w!: number[];

  @Prop({ type: [Object] })
  b!: unknown[];

  @Prop({ type: Object, default: {} })
  e!: Record<string, PersonError>;

  @Prop({ type: Object, default: {} })
  h?: Record<string, Record<string, unknown>>;

  @Prop({ default: 0 })
  d!: number;

  @Prop({ type: Object, default: null })
  inflight!: ChunkState['inflight'];

  @Prop({ type: Object })
  n!: ItemCounts;

  @Prop({ default: false })
  done!: boolean;
}

export const ChunkSchema = SchemaFactory.createForClass(Chunk);

export function chunkKey(jobId: string, no: number): string {
  return `${jobId}:${no}`;
}

/** Chunk numbers of resolution generation `gen` start at gen × GEN_SPAN, so a stale result of an earlier generation never matches. */
export const GEN_SPAN = 10_000_000;
