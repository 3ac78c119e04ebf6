import { buildAsyncApiDocument } from '@ecab/contracts';
import { Controller, Get } from '@nestjs/common';

/** The AsyncAPI 3.0 document of the published events, as partners read it (generated from the contracts). */
@Controller('api')
export class AsyncApiController {
  private readonly document = buildAsyncApiDocument();

  @Get('asyncapi.json')
  asyncApi(): unknown {
    return this.document;
  }
}
