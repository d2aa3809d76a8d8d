import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { TokenAccepted } from '@cohort/contracts';
import { ApiErrors, schemaRef } from '../docs/api-docs';
import { ZodPipe } from '../http/zod-validation.pipe';
import { IdentityClient } from '../upstream/identity.client';
import { AcceptInvitationBody, AcceptInvitationInput, PasswordResetBody, PasswordResetInput, tokenParam } from './account-links';

const PUBLIC = 'Public: the token of the e-mailed link is the credential (no bearer token); rate-limited per client address.';

/**
 * The links identity e-mails to people, answered without a bearer token (see auth/token-links.ts): the
 * token goes to identity, which knows whose it is; identity's errors pass through as they are.
 */
@ApiTags('accounts')
@Controller('v1')
export class AccountLinksHttpController {
  constructor(private readonly identity: IdentityClient) {}

  @Post('invitations/:token/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept an invitation: the invited person becomes active (optionally with a password and name)', description: PUBLIC })
  @ApiParam({ name: 'token', description: 'The token of the invitation link' })
  @ApiBody({ schema: schemaRef('AcceptInvitationBody'), required: false })
  @ApiOkResponse({ schema: schemaRef('TokenAccepted') })
  @ApiErrors(400, 429, 502, 503)
  accept(
    @Param('token', tokenParam) token: string,
    @Body(new ZodPipe(AcceptInvitationBody.optional())) body: AcceptInvitationInput | undefined,
  ): Promise<TokenAccepted> {
    return this.identity.acceptInvitation({ token, ...body });
  }

  @Post('password-resets/:token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Choose a new password with a password-reset link', description: PUBLIC })
  @ApiParam({ name: 'token', description: 'The token of the password-reset link' })
  @ApiBody({ schema: schemaRef('PasswordResetBody') })
  @ApiOkResponse({ schema: schemaRef('TokenAccepted') })
  @ApiErrors(400, 410, 429, 502, 503)
  resetPassword(@Param('token', tokenParam) token: string, @Body(new ZodPipe(PasswordResetBody)) body: PasswordResetInput): Promise<TokenAccepted> {
    return this.identity.completePasswordReset({ token, ...body });
  }
}
